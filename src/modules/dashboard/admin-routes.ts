// Feature flags (D7) and staff accounts (D8): admins only; the list of stylists to assign is for any staff.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { staffOf } from '../auth/guard';
import { FlagBody, FlagParams, IdParams, NewStaffBody, ResetPasswordBody } from './schema';
import { CHANGE_ERRORS, FlagListJson, READ_ERRORS, StaffChangeJson, StaffListJson, StylistListJson } from './response-schema';

export async function adminRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { flags, staff } = services;
  const admin = { access: 'admin' } as const;
  const actorId = (request: Parameters<typeof staffOf>[0]) => staffOf(request).user.id;

  app.get('/api/dashboard/stylists', { config: { access: 'agent' }, schema: { summary: 'Active staff a ticket can be assigned to', response: { 200: StylistListJson, ...READ_ERRORS } } }, async () => ({
    items: (await staff.list()).filter((m) => !m.disabled).map((m) => ({ id: m.id, name: m.name, role: m.role })),
  }));

  app.get('/api/dashboard/flags', { config: admin, schema: { summary: 'The feature flags', response: { 200: FlagListJson, ...READ_ERRORS } } }, async () => ({ items: await flags.list() }));

  app.put('/api/dashboard/flags/:name', { config: admin, schema: { summary: 'Switch a flag (running servers follow within 5 s)', params: FlagParams, body: FlagBody, response: { 200: FlagListJson, ...CHANGE_ERRORS } } }, async (request) => {
    await flags.set(request.params.name, request.body.enabled, staffOf(request).user.email);
    return { items: await flags.list() };
  });

  app.get('/api/dashboard/staff', { config: admin, schema: { summary: 'Staff accounts', response: { 200: StaffListJson, ...READ_ERRORS } } }, async () => ({ items: await staff.list() }));

  app.post('/api/dashboard/staff', { config: admin, schema: { summary: 'Add a staff account (no password given: one is generated and returned once)', body: NewStaffBody, response: { 201: StaffChangeJson, ...CHANGE_ERRORS } } }, async (request, reply) => {
    const { member, password } = await staff.add(request.body, actorId(request));
    // The password is shown once, only when the admin did not choose it.
    return reply.code(201).send({ member, ...(request.body.password ? {} : { password }) });
  });

  app.post('/api/dashboard/staff/:id/disable', { config: admin, schema: { summary: 'Disable an account (its sessions end)', params: IdParams, response: { 200: StaffChangeJson, ...CHANGE_ERRORS } } }, async (request) => ({ member: await staff.disable(request.params.id, actorId(request)) }));

  app.post('/api/dashboard/staff/:id/enable', { config: admin, schema: { summary: 'Enable an account', params: IdParams, response: { 200: StaffChangeJson, ...CHANGE_ERRORS } } }, async (request) => ({ member: await staff.enable(request.params.id, actorId(request)) }));

  app.post('/api/dashboard/staff/:id/reset-password', { config: admin, schema: { summary: 'Reset a password (none given: one is generated and returned once)', params: IdParams, body: ResetPasswordBody, response: { 200: StaffChangeJson, ...CHANGE_ERRORS } } }, async (request) => {
    const { member, password } = await staff.resetPassword(request.params.id, actorId(request), request.body.password);
    return { member, ...(request.body.password ? {} : { password }) };
  });
}
