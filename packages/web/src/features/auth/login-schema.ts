// The login form's schema, loaded on the first keystroke rather than with the page: zod is a sixth of the login
// page's JavaScript, and the form needs it only when submitted (pages/login-page.tsx).
export { loginBody } from '@anzhi/core';
