/** Chinese names of fields, so validation messages can name the field a user sees. */
export const fieldLabels: Record<string, string> = {
  username: '用户名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  displayName: '姓名',
  phone: '手机号',
  roles: '角色',
  regionCodes: '所辖区划',
  unitId: '所属单位',
  code: '区划代码',
  name: '名称',
  parentCode: '上级区划',
  level: '层级',
  kind: '单位类别',
  shortName: '简称',
  aliases: '别名',
  industries: '监管行业领域',
  regionCode: '所属区划',
  page: '页码',
  pageSize: '每页条数',
  id: '编号',
  q: '关键词',
  entityType: '对象类型',
  action: '操作',
  actorUserId: '操作人',
  from: '开始时间',
  to: '结束时间',
  disabled: '停用',
};

export function labelOf(path: ReadonlyArray<PropertyKey>): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names[names.length - 1];
  if (last === undefined) return '请求内容';
  return fieldLabels[last] ?? last;
}
