// One file per namespace, so each part of the UI keeps its words in its own file.
import meta from './meta.json';
import languages from './languages.json';
import shell from './shell.json';
import operatorMenu from './operatorMenu.json';
import signIn from './signIn.json';
import status from './status.json';
import common from './common.json';
import table from './table.json';
import list from './list.json';
import savedViews from './savedViews.json';
import search from './search.json';
import record from './record.json';
import form from './form.json';
import renderers from './renderers.json';
import audit from './audit.json';
import dashboard from './dashboard.json';
import operators from './operators.json';
import actions from './actions.json';
import ui from './ui.json';
import type { Messages } from '../../catalogs';

const messages = {
  meta,
  languages,
  shell,
  operatorMenu,
  signIn,
  status,
  common,
  table,
  list,
  savedViews,
  search,
  record,
  form,
  renderers,
  audit,
  dashboard,
  operators,
  actions,
  ui,
} satisfies Messages;
export default messages;
