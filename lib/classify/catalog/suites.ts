/**
 * Regional all-in-one suites: one vendor, many products — calendar, chat, docs, tasks, mail, meetings —
 * each its own kind. Each product is its own entry (its own sub-domain or path), so a Zoho Cliq chat and
 * a Zoho Projects board are not one "Zoho". Sub-domains of these vendors are never one tool
 * (`zoho.*`, `qq.com`, `yandex.*`… have no catalog apex host, so no sub-domain fallback applies).
 *
 * Hosts and paths are the web apps' own: `<tenant>.feishu.cn/docx/…`, `<tenant>.cybozu.com/k/…` (kintone),
 * `<tenant>.bitrix24.com/company/personal/user/…/tasks/`, `docs.qq.com/sheet/…`.
 */
import { tool, type CatalogTool } from './types';

/** Zoho runs every product on `<product>.zoho.<region>`. */
const ZOHO_REGIONS = [
  'zoho.com',
  'zoho.eu',
  'zoho.in',
  'zoho.com.au',
  'zoho.jp',
  'zoho.com.cn',
  'zoho.sa',
  'zohocloud.ca',
];
const zoho = (product: string): string[] => ZOHO_REGIONS.map((r) => `${product}.${r}`);

/** Lark (international) and Feishu (China) tenants: `<tenant>.larksuite.com`, `<tenant>.feishu.cn`. */
const LARK = ['*.larksuite.com', '*.feishu.cn', '*.larkoffice.com'];
const lark = (path: string): string[] => LARK.map((w) => `${w}${path}`);

const BITRIX = [
  '*.bitrix24.com',
  '*.bitrix24.eu',
  '*.bitrix24.de',
  '*.bitrix24.es',
  '*.bitrix24.com.br',
  '*.bitrix24.ru',
  '*.bitrix24.fr',
  '*.bitrix24.pl',
  '*.bitrix24.in',
  '*.bitrix24.jp',
  '*.bitrix24.mx',
  '*.bitrix24.co',
  '*.bitrix24.it',
  '*.bitrix24.uk',
  '*.bitrix24.by',
  '*.bitrix24.kz',
  '*.bitrix24.ua',
];

export const SUITE_TOOLS: CatalogTool[] = [
  // ----- Zoho (mail, CRM, writer and meeting are in their categories) -----
  tool({ id: 'zoho-cliq', name: 'Zoho Cliq', kind: 'messaging', hosts: zoho('cliq') }),
  tool({ id: 'zoho-calendar', name: 'Zoho Calendar', kind: 'meetings', hosts: zoho('calendar') }),
  tool({
    id: 'zoho-projects',
    name: 'Zoho Projects',
    kind: 'project',
    hosts: zoho('projects'),
    areas: [{ paths: ['/portal/*/reports', '/reports'], kind: 'reporting' }],
  }),
  tool({ id: 'zoho-sprints', name: 'Zoho Sprints', kind: 'project', hosts: zoho('sprints') }),
  tool({ id: 'zoho-workdrive', name: 'Zoho WorkDrive', kind: 'admin', hosts: zoho('workdrive') }),
  tool({ id: 'zoho-sheet', name: 'Zoho Sheet', kind: 'reporting', hosts: zoho('sheet') }),
  tool({ id: 'zoho-show', name: 'Zoho Show', kind: 'design', hosts: zoho('show') }),
  tool({ id: 'zoho-notebook', name: 'Zoho Notebook', kind: 'writing', hosts: zoho('notebook') }),
  tool({ id: 'zoho-analytics', name: 'Zoho Analytics', kind: 'reporting', hosts: zoho('analytics') }),
  tool({ id: 'zoho-pagesense', name: 'Zoho PageSense', kind: 'reporting', hosts: zoho('pagesense') }),
  tool({
    id: 'zoho-campaigns',
    name: 'Zoho Campaigns',
    kind: 'admin',
    hosts: zoho('campaigns'),
    note: 'Lists and sends; an e-mail being edited (`/campaigns/*/edit`…) is writing by the address signals.',
  }),
  tool({
    id: 'zoho-marketing-automation',
    name: 'Zoho Marketing Automation',
    kind: 'admin',
    hosts: zoho('marketingautomation'),
  }),
  tool({ id: 'zoho-social', name: 'Zoho Social', kind: 'project', hosts: zoho('social') }),
  tool({ id: 'zoho-desk', name: 'Zoho Desk', kind: 'messaging', hosts: zoho('desk') }),
  tool({ id: 'zoho-salesiq', name: 'Zoho SalesIQ', kind: 'messaging', hosts: zoho('salesiq') }),
  tool({ id: 'zoho-connect', name: 'Zoho Connect', kind: 'messaging', hosts: zoho('connect') }),
  tool({ id: 'zoho-sites', name: 'Zoho Sites', kind: 'building', hosts: zoho('sites') }),
  tool({ id: 'zoho-forms', name: 'Zoho Forms', kind: 'building', hosts: zoho('forms') }),
  tool({ id: 'zoho-survey', name: 'Zoho Survey', kind: 'research', hosts: zoho('survey') }),
  tool({ id: 'zoho-bigin', name: 'Bigin by Zoho', kind: 'admin', hosts: zoho('bigin') }),
  tool({
    id: 'zoho-one',
    name: 'Zoho One',
    kind: 'admin',
    hosts: [...zoho('one'), ...zoho('accounts'), ...zoho('home')],
  }),

  // ----- Lark / Feishu: one tenant host, products by path -----
  tool({
    id: 'lark',
    name: 'Lark Messenger',
    kind: 'messaging',
    wildcards: LARK,
    note: 'The tenant host opens the messenger; documents, calendar, meetings, tasks and mail are paths of it.',
  }),
  tool({
    id: 'lark-docs',
    name: 'Lark Docs',
    kind: 'writing',
    paths: [...lark('/docx'), ...lark('/docs'), ...lark('/wiki'), ...lark('/mindnotes')],
  }),
  tool({ id: 'lark-sheets', name: 'Lark Sheets', kind: 'reporting', paths: [...lark('/sheets'), ...lark('/base')] }),
  tool({ id: 'lark-slides', name: 'Lark Slides', kind: 'design', paths: lark('/slides') }),
  tool({ id: 'lark-drive', name: 'Lark Drive', kind: 'admin', paths: [...lark('/drive'), ...lark('/approval')] }),
  tool({
    id: 'lark-calendar',
    name: 'Lark Calendar',
    kind: 'meetings',
    paths: [...lark('/calendar'), ...lark('/next/calendar')],
  }),
  tool({
    id: 'lark-meetings',
    name: 'Lark Meetings',
    kind: 'meetings',
    hosts: ['vc.feishu.cn', 'vc.larksuite.com'],
    paths: [...lark('/minutes'), ...lark('/vc')],
    calls: true,
  }),
  tool({ id: 'lark-tasks', name: 'Lark Tasks', kind: 'project', paths: [...lark('/todo'), ...lark('/next/todo')] }),
  tool({ id: 'lark-mail', name: 'Lark Mail', kind: 'messaging', paths: [...lark('/mail'), ...lark('/next/mail')] }),

  // ----- DingTalk and Alibaba -----
  tool({ id: 'dingtalk', name: 'DingTalk', kind: 'messaging', hosts: ['im.dingtalk.com', 'web.dingtalk.com'] }),
  tool({ id: 'dingtalk-docs', name: 'DingTalk Docs', kind: 'writing', hosts: ['alidocs.dingtalk.com'] }),
  tool({
    id: 'dingtalk-meeting',
    name: 'DingTalk Meetings',
    kind: 'meetings',
    hosts: ['meeting.dingtalk.com', 'vc.dingtalk.com'],
    calls: true,
  }),
  tool({ id: 'dingtalk-calendar', name: 'DingTalk Calendar', kind: 'meetings', hosts: ['calendar.dingtalk.com'] }),
  tool({
    id: 'dingtalk-admin',
    name: 'DingTalk admin',
    kind: 'admin',
    hosts: ['oa.dingtalk.com', 'aflow.dingtalk.com'],
  }),
  tool({ id: 'teambition', name: 'Teambition', kind: 'project', hosts: ['teambition.com', 'tb.alibaba-inc.com'] }),
  tool({
    id: 'yuque',
    name: 'Yuque',
    kind: 'writing',
    hosts: ['yuque.com'],
    note: "Alibaba's team knowledge base and docs.",
  }),

  // ----- Tencent: WeCom, Tencent Docs, Tencent Meeting, WeChat Official Accounts -----
  tool({
    id: 'wecom',
    name: 'WeCom',
    kind: 'messaging',
    hosts: ['work.weixin.qq.com'],
    areas: [{ paths: ['/wework_admin'], kind: 'admin' }],
  }),
  tool({
    id: 'wecom-docs',
    name: 'WeCom Docs',
    kind: 'writing',
    hosts: ['doc.weixin.qq.com'],
    areas: [
      { paths: ['/sheet', '/smartsheet'], kind: 'reporting' },
      { paths: ['/slide'], kind: 'design' },
      { paths: ['/forms'], kind: 'building' },
    ],
  }),
  tool({
    id: 'tencent-docs',
    name: 'Tencent Docs',
    kind: 'writing',
    hosts: ['docs.qq.com'],
    areas: [
      { paths: ['/sheet', '/smartsheet'], kind: 'reporting' },
      { paths: ['/slide'], kind: 'design' },
      { paths: ['/form'], kind: 'building' },
      { paths: ['/desktop', '/folder'], kind: 'admin' },
    ],
  }),
  tool({
    id: 'tencent-meeting',
    name: 'Tencent Meeting',
    kind: 'meetings',
    hosts: ['meeting.tencent.com', 'voovmeeting.com'],
    calls: true,
  }),
  tool({
    id: 'tencent-exmail',
    name: 'Tencent Exmail',
    kind: 'messaging',
    hosts: ['exmail.qq.com', 'mail.qq.com', 'wx.mail.qq.com'],
  }),
  tool({
    id: 'wechat-official-accounts',
    name: 'WeChat Official Accounts',
    kind: 'writing',
    hosts: ['mp.weixin.qq.com'],
    areas: [
      { paths: ['/s'], kind: 'personal' },
      { paths: ['/misc/appmsganalysis', '/misc/useranalysis', '/misc/pluginloginpage'], kind: 'reporting' },
    ],
    note: 'The publishing back end, where articles are written (`/cgi-bin/appmsg`); `/s/…` is reading a published article.',
  }),

  // ----- Yandex 360 and Yandex tools (no fallback: every yandex.* sub-domain is another product) -----
  tool({
    id: 'yandex-mail',
    name: 'Yandex Mail',
    kind: 'messaging',
    hosts: ['mail.yandex.ru', 'mail.yandex.com', 'mail.360.yandex.ru', 'mail.360.yandex.com'],
  }),
  tool({
    id: 'yandex-calendar',
    name: 'Yandex Calendar',
    kind: 'meetings',
    hosts: ['calendar.yandex.ru', 'calendar.yandex.com', 'calendar.360.yandex.ru'],
  }),
  tool({
    id: 'yandex-telemost',
    name: 'Yandex Telemost',
    kind: 'meetings',
    hosts: ['telemost.yandex.ru', 'telemost.yandex.com', 'telemost.360.yandex.ru'],
    calls: true,
  }),
  tool({
    id: 'yandex-messenger',
    name: 'Yandex Messenger',
    kind: 'messaging',
    hosts: ['messenger.360.yandex.ru', 'messenger.360.yandex.com', 'chat.yandex.ru'],
  }),
  tool({
    id: 'yandex-disk',
    name: 'Yandex Disk',
    kind: 'admin',
    hosts: ['disk.yandex.ru', 'disk.yandex.com', 'disk.360.yandex.ru'],
  }),
  tool({ id: 'yandex-docs', name: 'Yandex Docs', kind: 'writing', hosts: ['docs.360.yandex.ru', 'docs.yandex.ru'] }),
  tool({
    id: 'yandex-tracker',
    name: 'Yandex Tracker',
    kind: 'project',
    hosts: ['tracker.yandex.ru', 'tracker.yandex.com'],
  }),
  tool({ id: 'yandex-wiki', name: 'Yandex Wiki', kind: 'writing', hosts: ['wiki.yandex.ru', 'wiki.yandex.com'] }),
  tool({ id: 'yandex-forms', name: 'Yandex Forms', kind: 'building', hosts: ['forms.yandex.ru', 'forms.yandex.com'] }),
  tool({
    id: 'yandex-metrica',
    name: 'Yandex Metrica',
    kind: 'reporting',
    hosts: ['metrika.yandex.ru', 'metrica.yandex.com', 'metrika.yandex.com'],
  }),
  tool({
    id: 'yandex-direct',
    name: 'Yandex Direct',
    kind: 'reporting',
    hosts: ['direct.yandex.ru', 'direct.yandex.com'],
  }),
  tool({
    id: 'yandex-webmaster',
    name: 'Yandex Webmaster',
    kind: 'reporting',
    hosts: ['webmaster.yandex.ru', 'webmaster.yandex.com'],
  }),
  tool({
    id: 'yandex-wordstat',
    name: 'Yandex Wordstat',
    kind: 'research',
    hosts: ['wordstat.yandex.ru', 'wordstat.yandex.com'],
  }),
  tool({
    id: 'yandex-search',
    name: 'Yandex Search',
    kind: 'research',
    paths: ['yandex.ru/search', 'yandex.com/search', 'ya.ru/search', 'yandex.com.tr/search', 'yandex.kz/search'],
  }),

  // ----- Naver Works / LINE WORKS (Korea, Japan) -----
  tool({
    id: 'naver-works',
    name: 'NAVER WORKS / LINE WORKS',
    kind: 'messaging',
    hosts: ['worksmobile.com', 'line.worksmobile.com'],
    wildcards: ['*.worksmobile.com'],
  }),
  tool({
    id: 'naver-works-calendar',
    name: 'NAVER WORKS Calendar',
    kind: 'meetings',
    hosts: ['calendar.worksmobile.com'],
  }),
  tool({
    id: 'naver-works-drive',
    name: 'NAVER WORKS Drive',
    kind: 'admin',
    hosts: ['drive.worksmobile.com', 'admin.worksmobile.com'],
  }),
  tool({ id: 'naver-works-board', name: 'NAVER WORKS Board', kind: 'messaging', hosts: ['board.worksmobile.com'] }),
  tool({ id: 'naver-works-tasks', name: 'NAVER WORKS Tasks', kind: 'project', hosts: ['task.worksmobile.com'] }),
  tool({ id: 'naver-search', name: 'Naver Search', kind: 'research', hosts: ['search.naver.com'] }),
  tool({ id: 'kakao-work', name: 'Kakao Work', kind: 'messaging', hosts: ['kakaowork.com'] }),

  // ----- Japan -----
  tool({ id: 'chatwork', name: 'Chatwork', kind: 'messaging', hosts: ['chatwork.com', 'kcw.kddi.ne.jp'] }),
  tool({
    id: 'kintone',
    name: 'kintone',
    kind: 'project',
    wildcards: ['*.cybozu.com', '*.kintone.com', '*.cybozu.cn'],
    areas: [
      { paths: ['/k/*/report'], kind: 'reporting' },
      { paths: ['/g'], kind: 'admin' },
      { paths: ['/g/schedule'], kind: 'meetings' },
      { paths: ['/g/message', '/g/mail', '/g/space'], kind: 'messaging' },
      { paths: ['/g/todo', '/g/project'], kind: 'project' },
      { paths: ['/o'], kind: 'admin' },
    ],
    note: 'kintone apps (`/k/…`) are team databases and workflows, like Airtable; Garoon (`/g/…`) is the groupware: schedule, messages, mail.',
  }),
  tool({
    id: 'backlog',
    name: 'Backlog',
    kind: 'project',
    wildcards: ['*.backlog.com', '*.backlog.jp', '*.backlogtool.com'],
    areas: [{ paths: ['/wiki', '/alias/wiki'], kind: 'writing' }],
  }),
  tool({ id: 'cacoo', name: 'Cacoo', kind: 'design', hosts: ['cacoo.com'] }),
  tool({ id: 'jooto', name: 'Jooto', kind: 'project', hosts: ['app.jooto.com'] }),
  tool({ id: 'esa', name: 'esa', kind: 'writing', wildcards: ['*.esa.io'] }),
  tool({ id: 'kibela', name: 'Kibela', kind: 'writing', wildcards: ['*.kibe.la'] }),
  tool({
    id: 'line-official-account',
    name: 'LINE Official Account Manager',
    kind: 'admin',
    hosts: ['manager.line.biz'],
    areas: [
      { paths: ['/account/*/insight', '/account/*/analytics'], kind: 'reporting' },
      { paths: ['/account/*/chat'], kind: 'messaging' },
    ],
  }),
  tool({ id: 'sansan', name: 'Sansan', kind: 'admin', hosts: ['ap.sansan.com'] }),
  tool({
    id: 'freee',
    name: 'freee',
    kind: 'admin',
    hosts: ['secure.freee.co.jp', 'accounts.secure.freee.co.jp', 'p.secure.freee.co.jp'],
  }),
  tool({ id: 'smarthr', name: 'SmartHR', kind: 'admin', wildcards: ['*.smarthr.jp'] }),

  // ----- Bitrix24 (CIS, Europe, Latin America): one portal, products by path -----
  tool({
    id: 'bitrix24',
    name: 'Bitrix24',
    kind: 'admin',
    wildcards: BITRIX,
    areas: [
      { paths: ['/online', '/im', '/stream', '/mail', '/contact_center', '/telephony'], kind: 'messaging' },
      { paths: ['/calendar', '/company/*/user/*/calendar', '/video', '/conference', '/videoconf'], kind: 'meetings' },
      { paths: ['/tasks', '/workgroups', '/company/*/user/*/tasks', '/projects', '/scrum'], kind: 'project' },
      { paths: ['/report', '/crm/reports', '/crm/analytics', '/bi'], kind: 'reporting' },
      { paths: ['/sites', '/shop/stores', '/crm/webform'], kind: 'building' },
      { paths: ['/docs', '/knowledge'], kind: 'writing' },
      { paths: ['/marketing/letter/edit', '/marketing/ads'], kind: 'writing' },
    ],
    note: 'The portal is CRM first; chat, calendar, tasks, reports and sites are its paths.',
  }),
  tool({
    id: 'amocrm',
    name: 'Kommo (amoCRM)',
    kind: 'admin',
    wildcards: ['*.kommo.com', '*.amocrm.ru', '*.amocrm.com'],
    areas: [
      { paths: ['/chats', '/leads/chats'], kind: 'messaging' },
      { paths: ['/stats', '/analytics'], kind: 'reporting' },
    ],
  }),

  // ----- China: docs and search -----
  tool({
    id: 'shimo',
    name: 'Shimo Docs',
    kind: 'writing',
    hosts: ['shimo.im'],
    areas: [
      { paths: ['/sheets', '/tables'], kind: 'reporting' },
      { paths: ['/presentation', '/slides'], kind: 'design' },
      { paths: ['/forms'], kind: 'building' },
      { paths: ['/desktop', '/folder'], kind: 'admin' },
    ],
  }),
  tool({ id: 'kdocs', name: 'WPS Docs (Kdocs)', kind: 'writing', hosts: ['kdocs.cn'] }),
  tool({
    id: 'worktile',
    name: 'Worktile / PingCode',
    kind: 'project',
    wildcards: ['*.worktile.com', '*.pingcode.com'],
  }),
  tool({ id: 'tower', name: 'Tower', kind: 'project', hosts: ['tower.im'] }),
  tool({ id: 'tapd', name: 'TAPD', kind: 'project', hosts: ['tapd.cn', 'tapd.tencent.com'] }),
  tool({ id: 'baidu-search', name: 'Baidu Search', kind: 'research', paths: ['baidu.com/s', 'm.baidu.com/s'] }),
  tool({ id: 'baidu-index', name: 'Baidu Index', kind: 'research', hosts: ['index.baidu.com'] }),
  tool({
    id: 'baidu-tongji',
    name: 'Baidu Tongji',
    kind: 'reporting',
    hosts: ['tongji.baidu.com', 'ziyuan.baidu.com'],
  }),
  tool({
    id: 'xiaohongshu-creator',
    name: 'Xiaohongshu creator',
    kind: 'writing',
    hosts: ['creator.xiaohongshu.com', 'pro.xiaohongshu.com'],
    areas: [{ paths: ['/statistics', '/creator/data', '/data'], kind: 'reporting' }],
  }),
  tool({
    id: 'douyin-creator',
    name: 'Douyin creator',
    kind: 'design',
    hosts: ['creator.douyin.com'],
    areas: [{ paths: ['/creator-micro/data'], kind: 'reporting' }],
  }),
  tool({
    id: 'bilibili-creator',
    name: 'Bilibili creator centre',
    kind: 'design',
    hosts: ['member.bilibili.com'],
    areas: [{ paths: ['/platform/data', '/platform/data-up'], kind: 'reporting' }],
  }),
  tool({ id: 'weibo', name: 'Weibo', kind: 'personal', hosts: ['weibo.com', 'weibo.cn'] }),
  tool({ id: 'xiaohongshu', name: 'Xiaohongshu', kind: 'personal', hosts: ['xiaohongshu.com'], subdomains: false }),
];
