/**
 * npm run geodata:templates — writes the template registry (issue 7) in geodata/templates/: CSV (UTF-8
 * with BOM) and XLSX, with the headers the importer recognises and three example rows that are clearly
 * examples (示例), in the three coordinate conventions a bureau meets.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'geodata', 'templates');
export const HEADERS = [
  '企业名称',
  '统一社会信用代码',
  '产业链环节',
  '细分行业',
  '所属区县',
  '所属园区',
  '经度',
  '纬度',
  '坐标系',
  '定位精度',
  '数据来源',
  '备注',
];
const ROWS = [
  [
    '示例：某某铜业有限公司',
    '91361100MA00000001',
    '中游',
    '铜材加工',
    '信州区',
    '上饶经济技术开发区',
    '117.9750',
    '28.4550',
    '高德',
    '街道',
    '某县工信局 2026 年名录',
    '高德地图取点',
  ],
  [
    '示例：某某电缆有限公司',
    '91361100MA00000002',
    '下游',
    '电线电缆',
    '广信区',
    '',
    '117°54′30″E',
    '28°26′10″N',
    'WGS84',
    '精确',
    '某县工信局 2026 年名录',
    '度分秒写法',
  ],
  [
    '示例：某某再生资源回收站',
    '',
    '上游',
    '废杂铜回收拆解',
    '上饶县',
    '',
    '',
    '',
    '',
    '',
    '某县工信局 2026 年名录',
    '无坐标：导入后列为“无坐标”',
  ],
];

writeFileSync(
  join(dir, 'registry-template.csv'),
  `\uFEFF${Papa.unparse({ fields: HEADERS, data: ROWS }, { newline: '\r\n' })}\r\n`,
);
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('企业名录');
ws.addRow(HEADERS);
for (const r of ROWS) ws.addRow(r);
ws.getRow(1).font = { bold: true };
ws.columns.forEach((c) => {
  c.width = 18;
});
const help = wb.addWorksheet('说明');
for (const line of [
  [
    '每行一家企业；第一行为表头，列名可用中文或英文（name, longitude, latitude, stage, segment, county, zone, crs, precision, source）。',
  ],
  [
    '企业名称必填；经纬度可为小数或度分秒（须带 ° ′ ″ 或 度 分 秒）；坐标系填 WGS84、CGCS2000、高德、腾讯、百度 等。',
  ],
  ['无坐标的企业也会保留（列为“无坐标”）；其余各列原样保留。导入：地图左侧“导入企业名录或园区边界”。'],
])
  help.addRow(line);
writeFileSync(join(dir, 'registry-template.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
console.log(`wrote ${dir}/registry-template.csv and .xlsx`);
