/**
 * Project management & prioritisation: boards, tickets, plans, roadmaps, task lists, reviews and approvals.
 */
import { tool, type CatalogTool } from './types';

export const PROJECT_TOOLS: CatalogTool[] = [
  tool({ id: 'asana', name: 'Asana', kind: 'project', hosts: ['app.asana.com', 'asana.com'] }),
  tool({
    id: 'jira',
    name: 'Jira',
    kind: 'project',
    wildcards: ['*.atlassian.net', '*.jira.com'],
    note: 'Every *.atlassian.net path except /wiki (Confluence): /jira, /browse, /secure, /projects, /servicedesk…',
  }),
  tool({ id: 'atlassian-home', name: 'Atlassian Home', kind: 'project', hosts: ['home.atlassian.com', 'start.atlassian.com', 'team.atlassian.com'] }),
  tool({ id: 'trello', name: 'Trello', kind: 'project', hosts: ['trello.com'] }),
  tool({ id: 'monday', name: 'monday.com', kind: 'project', hosts: ['monday.com'], wildcards: ['*.monday.com'] }),
  tool({ id: 'clickup', name: 'ClickUp', kind: 'project', hosts: ['app.clickup.com', 'clickup.com'] }),
  tool({ id: 'wrike', name: 'Wrike', kind: 'project', hosts: ['wrike.com'], wildcards: ['*.wrike.com'] }),
  tool({ id: 'basecamp', name: 'Basecamp', kind: 'project', hosts: ['basecamp.com', 'launchpad.37signals.com'], wildcards: ['*.basecamp.com'] }),
  tool({ id: 'linear', name: 'Linear', kind: 'project', hosts: ['linear.app'] }),
  tool({ id: 'smartsheet', name: 'Smartsheet', kind: 'project', hosts: ['app.smartsheet.com', 'app.smartsheet.eu', 'smartsheet.com'] }),
  tool({ id: 'airtable', name: 'Airtable', kind: 'project', hosts: ['airtable.com'] }),
  tool({ id: 'height', name: 'Height', kind: 'project', hosts: ['height.app'] }),
  tool({ id: 'teamwork', name: 'Teamwork.com', kind: 'project', hosts: ['teamwork.com'], wildcards: ['*.teamwork.com'] }),
  tool({ id: 'productboard', name: 'Productboard', kind: 'project', wildcards: ['*.productboard.com'] }),
  tool({ id: 'aha', name: 'Aha!', kind: 'project', wildcards: ['*.aha.io'] }),
  tool({ id: 'todoist', name: 'Todoist', kind: 'project', hosts: ['app.todoist.com', 'todoist.com'] }),
  tool({
    id: 'microsoft-planner',
    name: 'Microsoft Planner',
    kind: 'project',
    hosts: ['tasks.office.com', 'planner.cloud.microsoft', 'planner.microsoft.com'],
  }),
  tool({ id: 'microsoft-to-do', name: 'Microsoft To Do', kind: 'project', hosts: ['to-do.office.com', 'to-do.live.com'] }),
  tool({ id: 'google-tasks', name: 'Google Tasks', kind: 'project', hosts: ['tasks.google.com'] }),
  tool({ id: 'workfront', name: 'Adobe Workfront', kind: 'project', wildcards: ['*.workfront.com'] }),
  tool({ id: 'shortcut', name: 'Shortcut', kind: 'project', hosts: ['app.shortcut.com'] }),
  tool({ id: 'hive', name: 'Hive', kind: 'project', hosts: ['app.hive.com'] }),
  tool({ id: 'coschedule', name: 'CoSchedule', kind: 'project', hosts: ['app.coschedule.com'] }),
  tool({ id: 'zenhub', name: 'ZenHub', kind: 'project', hosts: ['app.zenhub.com'] }),
  tool({ id: 'nifty', name: 'Nifty', kind: 'project', wildcards: ['*.niftypm.com'] }),
  tool({ id: 'motion', name: 'Motion', kind: 'project', hosts: ['app.usemotion.com'] }),
  tool({ id: 'sunsama', name: 'Sunsama', kind: 'project', hosts: ['app.sunsama.com'] }),
  tool({ id: 'float', name: 'Float', kind: 'project', hosts: ['app.float.com'] }),
  tool({ id: 'ziflow', name: 'Ziflow', kind: 'project', hosts: ['app.ziflow.com'], note: 'Creative proofing and approvals.' }),
  tool({ id: 'filestage', name: 'Filestage', kind: 'project', hosts: ['app.filestage.io'] }),
];
