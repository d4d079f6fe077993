/** The one error type services throw; the error handler turns it into `{code, message, details, requestId}`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  badRequest: (code: string, message: string, details?: unknown) => new AppError(400, code, message, details),
  unauthenticated: (message = '请先登录') => new AppError(401, 'auth.unauthenticated', message),
  forbidden: (message = '您没有执行此操作的权限', code = 'auth.forbidden') => new AppError(403, code, message),
  notFound: (what: string, code = 'not_found') => new AppError(404, code, `${what}不存在或您无权查看`),
  conflict: (code: string, message: string, details?: unknown) => new AppError(409, code, message, details),
};
