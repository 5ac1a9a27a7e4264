// The expert pool (专家库): invitation and self-completion, Excel import with a row-by-row report
// (a bad row named and skipped, good rows kept), export, and who may see whom.
import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { describeEachDb } from '../testing/db.js';
import { signInAs, testApp, type TestApp } from '../testing/app.js';
import { users } from '../accounts/tables.js';
import { organizations } from '../organizations/tables.js';
import { expertProfiles } from './tables.js';

type Headers = Record<string, string>;

function multipart(name: string, content: Buffer) {
  const boundary = '----guohe' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDb('expert pool: invitation, profile, Excel import and export, scope', (getDb) => {
  let app: TestApp;
  let moist: Headers;
  let orgId = '';
  let uscc = '';
  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Headers, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    app = await testApp(getDb());
    moist = (await signInAs(app, 'moist')).headers;
    const [org] = await getDb().db.select().from(organizations).where(eq(organizations.key, 'inst-tsinghua'));
    orgId = org!.id;
    uscc = org!.uscc!;
  });
  afterAll(async () => { await app.close(); });

  it('an invited expert cannot sign in until accepting; then completes their own profile', async () => {
    const inv = await api('POST', '/api/experts/invitations', moist, { username: 'new-expert', name: '新专家', orgId, fields: ['energy'], email: 'new@guohe-demo.example' });
    expect(inv.statusCode, inv.body).toBe(201);
    const { token, expertId } = inv.json();
    const early = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'new-expert', password: 'Whatever-2026!' } });
    expect(early.statusCode).toBe(401);
    const pooled = (await api('GET', `/api/experts/${expertId}`, moist)).json();
    expect(pooled).toMatchObject({ accountStatus: 'pending', status: 'active', fields: ['energy'], contact: { email: 'n***@guohe-demo.example' } });

    expect((await app.inject({ method: 'POST', url: '/api/experts/invitations/accept', payload: { token: 'x'.repeat(32), password: 'Str0ng-Passw0rd!' } })).statusCode).toBe(400);
    const acc = await app.inject({ method: 'POST', url: '/api/experts/invitations/accept', payload: { token, password: 'Str0ng-Passw0rd!' } });
    expect(acc.statusCode, acc.body).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/experts/invitations/accept', payload: { token, password: 'Str0ng-Passw0rd!' } })).statusCode).toBe(400);

    const me = await signInAs(app, 'new-expert', 'Str0ng-Passw0rd!');
    const mine = (await api('GET', '/api/experts/me', me.headers)).json();
    const put = await api('PUT', '/api/experts/me', me.headers, { fields: ['energy', 'space_ocean'], keywords: ['氢能'], languages: ['英语'], foreignExperience: '德国访问学者', title: '研究员', employment: [], version: mine.version });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ fields: ['energy', 'space_ocean'], keywords: ['氢能'], accountStatus: 'active' });
    expect(put.json().completedAt).not.toBeNull();
    // A stale version is refused; the expert may not change their own status.
    expect((await api('PUT', '/api/experts/me', me.headers, { fields: ['energy'], keywords: [], languages: [], version: mine.version })).statusCode).toBe(409);
    expect((await api('PATCH', `/api/experts/${expertId}`, me.headers, { status: 'retired', version: put.json().version })).statusCode).toBe(403);
    const paused = await api('PATCH', `/api/experts/${expertId}`, moist, { status: 'paused', version: put.json().version });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json().status).toBe('paused');
  });

  it('Excel import: a bad row is named and skipped, good rows are kept', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('experts');
    ws.addRow(['用户名 username', '姓名 name', '单位统一社会信用代码 uscc', '领域 fields', '关键词 keywords', '邮箱 email', '状态 status']);
    ws.addRow(['imp-one', '导入一', uscc, '能源资源开发利用、信息网络', '储能、电网', 'one@guohe-demo.example', '在库']);
    ws.addRow(['imp-two', '导入二', uscc, '不存在的领域', '', '', '']);
    ws.addRow(['imp-three', '导入三', '000000000000000000', 'bio_health', '', 'not-an-email', '']);
    ws.addRow(['imp-four', '导入四', uscc.toLowerCase(), 'agriculture', '', '', '暂停']);
    ws.addRow(['imp-one', '重复', uscc, 'energy', '', '', '']);
    ws.addRow([]);
    const { payload, contentType } = multipart('experts.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const res = await app.inject({ method: 'POST', url: '/api/experts/import', headers: { ...moist, 'content-type': contentType }, payload });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ imported: 2, failed: 3 });
    const byRow = new Map(report.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ ok: true, username: 'imp-one' });
    expect(byRow.get(3)).toMatchObject({ ok: false, errors: [expect.objectContaining({ column: '领域 fields' })] });
    expect((byRow.get(4) as { errors: { column: string }[] }).errors.map((e) => e.column).sort()).toEqual(['单位统一社会信用代码 uscc', '邮箱 email']);
    expect(byRow.get(5)).toMatchObject({ ok: true, username: 'imp-four' });
    expect(byRow.get(6)).toMatchObject({ ok: false, errors: [expect.objectContaining({ column: '用户名 username' })] });
    const db = getDb().db;
    const rows = await db.select({ username: users.username, status: expertProfiles.status, fields: expertProfiles.fields }).from(users)
      .innerJoin(expertProfiles, eq(expertProfiles.userId, users.id)).where(inArray(users.username, ['imp-one', 'imp-two', 'imp-three', 'imp-four']));
    expect(rows.map((r) => r.username).sort()).toEqual(['imp-four', 'imp-one']);
    expect(rows.find((r) => r.username === 'imp-one')).toMatchObject({ status: 'active', fields: ['energy', 'information_network'] });
    expect(rows.find((r) => r.username === 'imp-four')!.status).toBe('paused');

    const garbage = multipart('x.xlsx', Buffer.from('not a workbook'));
    expect((await app.inject({ method: 'POST', url: '/api/experts/import', headers: { ...moist, 'content-type': garbage.contentType }, payload: garbage.payload })).statusCode).toBe(400);
  });

  it('Excel export of the pool, with formula-looking text neutralized; it re-imports as a template', async () => {
    expect((await api('POST', '/api/experts/invitations', moist, { username: 'formula-expert', name: '公式', orgId, title: '=1+1', fields: ['energy'] })).statusCode).toBe(201);
    const res = await api('GET', '/api/experts/export.xlsx', moist);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('用户名 username');
    expect(ws.rowCount).toBeGreaterThanOrEqual(61);
    let titled: unknown;
    ws.eachRow((row) => { if (row.getCell(1).value === 'formula-expert') titled = row.getCell(6).value; });
    expect(titled).toBe("'=1+1");
    // Re-importing the export: every row is a duplicate username, named row by row, nothing written.
    const { payload, contentType } = multipart('export.xlsx', res.rawPayload);
    const again = (await app.inject({ method: 'POST', url: '/api/experts/import', headers: { ...moist, 'content-type': contentType }, payload })).json();
    expect(again.imported).toBe(0);
    expect(again.rows.every((r: { errors: { column: string }[] }) => r.errors.some((e) => e.column === '用户名 username'))).toBe(true);
  });

  it('scope: an expert cannot list or export the pool; a department sees its own invitees, not the whole pool', async () => {
    const e = (await signInAs(app, 'expert01')).headers;
    expect((await api('GET', '/api/experts', e)).statusCode).toBe(403);
    expect((await api('GET', '/api/experts/export.xlsx', e)).statusCode).toBe(403);
    expect((await api('POST', '/api/experts/invitations', e, { username: 'x-exp', name: 'x', orgId, fields: ['energy'] })).statusCode).toBe(403);
    const sichuan = (await signInAs(app, 'sichuan')).headers;
    const inv = await api('POST', '/api/experts/invitations', sichuan, { username: 'sc-expert', name: '川专家', orgId, fields: ['agriculture'] });
    expect(inv.statusCode, inv.body).toBe(201);
    const list = (await api('GET', '/api/experts?pageSize=200', sichuan)).json();
    expect(list.items.map((x: { username: string }) => x.username)).toContain('sc-expert');
    const all = (await api('GET', '/api/experts?pageSize=200', moist)).json();
    expect(list.total).toBeLessThan(all.total);
    // Another department's invitee at a Beijing institution is not found for Sichuan.
    const newExpert = all.items.find((x: { username: string }) => x.username === 'new-expert');
    expect((await api('GET', `/api/experts/${newExpert.id}`, sichuan)).statusCode).toBe(404);
  });
});
