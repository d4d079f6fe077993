import type { Role } from '@anzhi/core';
import { type AnyPgColumn, boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/enterprise.table.ts';
import { units } from '../units/unit.table.ts';

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  phone: text('phone'),
  /** Where e-mail copies of notifications go (optional). */
  email: text('email'),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().$type<Role[]>().notNull(),
  regionCodes: text('region_codes').array().notNull().default([]),
  unitId: integer('unit_id').references(() => units.id),
  /** An enterprise user's own enterprise: the only one it may see. */
  enterpriseId: integer('enterprise_id').references((): AnyPgColumn => enterprises.id),
  /**
   * This enterprise account is its enterprise's 主要负责人 (set by the office or an administrator): only such an
   * account signs the enterprise's 季报/年报 (16号令 第十四条). See ADR 0012.
   */
  enterprisePrincipal: boolean('enterprise_principal').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
