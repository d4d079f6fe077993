import {
  settingsDeleteQuery,
  settingsFragmentView,
  settingsKeyParam,
  settingsPutBody,
  settingsRegionQuery,
  settingsView,
} from '@anzhi/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../plugins/auth.ts';
import type { SettingsService } from './settings.service.ts';

const tags = ['系统设置'];

export async function registerSettingsModule(app: FastifyInstance, deps: { settings: SettingsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { settings } = deps;

  r.get(
    '/api/v1/settings',
    {
      config: { access: 'settings.read' },
      schema: {
        tags,
        summary: '乡镇的系统设置（各模块的设置项、默认值、当前值）',
        querystring: settingsRegionQuery,
        response: { 200: settingsView },
      },
    },
    async (request) => settings.view(requireActor(request), request.query.regionCode),
  );
  r.put(
    '/api/v1/settings/:key',
    {
      config: { access: 'settings.write' },
      schema: {
        tags,
        summary: '修改乡镇的一组设置（带版本号，已被他人修改时 409）',
        params: settingsKeyParam,
        querystring: settingsRegionQuery,
        body: settingsPutBody,
        response: { 200: settingsFragmentView },
      },
    },
    async (request) => settings.put(requireActor(request), request.params.key, request.query.regionCode, request.body),
  );
  r.delete(
    '/api/v1/settings/:key',
    {
      config: { access: 'settings.write' },
      schema: {
        tags,
        summary: '将乡镇的一组设置恢复默认',
        params: settingsKeyParam,
        querystring: settingsDeleteQuery,
        response: { 200: settingsFragmentView },
      },
    },
    async (request) => settings.reset(requireActor(request), request.params.key, request.query.regionCode, request.query.version),
  );
}
