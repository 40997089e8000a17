// The vessel layer's words, keyed, in English and Simplified Chinese. The language is the page's (<html lang>),
// else the browser's; zh-* reads Chinese, anything else English. Keys stay stable for the console catalogue.
const TEXTS = {
  en: {
    'vessels.title': 'Vessels',
    'vessels.fishingOnly': 'Fishing fleet only',
    'vessels.count': (shown, fishing) => `${shown} vessels · ${fishing} fishing`,
    'vessels.mmsi': 'MMSI',
    'vessels.callSign': 'Call sign',
    'vessels.speed': 'Speed',
    'vessels.course': 'Course',
    'vessels.status': 'Status',
    'vessels.lastHeard': 'Last heard',
    'vessels.owner': 'Owner',
    'vessels.homePort': 'Home port',
    'vessels.secondsAgo': (s) => `${Math.round(s)} s ago`,
    'vessels.knots': (kn) => `${kn.toFixed(1)} kn`,
    'vessels.unnamed': 'unnamed',
    'navStatus.0': 'under way (engine)', 'navStatus.1': 'at anchor', 'navStatus.2': 'not under command',
    'navStatus.3': 'restricted manoeuvrability', 'navStatus.4': 'constrained by draught', 'navStatus.5': 'moored',
    'navStatus.6': 'aground', 'navStatus.7': 'fishing', 'navStatus.8': 'under way (sail)', 'navStatus.15': 'not defined',
  },
  'zh-CN': {
    'vessels.title': '船舶',
    'vessels.fishingOnly': '仅显示渔船',
    'vessels.count': (shown, fishing) => `${shown} 艘船舶 · ${fishing} 艘渔船`,
    'vessels.mmsi': 'MMSI',
    'vessels.callSign': '呼号',
    'vessels.speed': '航速',
    'vessels.course': '航向',
    'vessels.status': '航行状态',
    'vessels.lastHeard': '最后收到',
    'vessels.owner': '船东',
    'vessels.homePort': '船籍港',
    'vessels.secondsAgo': (s) => `${Math.round(s)} 秒前`,
    'vessels.knots': (kn) => `${kn.toFixed(1)} 节`,
    'vessels.unnamed': '无船名',
    'navStatus.0': '机动航行', 'navStatus.1': '锚泊', 'navStatus.2': '失控',
    'navStatus.3': '操纵能力受限', 'navStatus.4': '吃水受限', 'navStatus.5': '系泊',
    'navStatus.6': '搁浅', 'navStatus.7': '捕捞作业', 'navStatus.8': '帆船航行', 'navStatus.15': '未定义',
  },
};

export function language() {
  const lang = document.documentElement.lang || navigator.language || 'en';
  return lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The text of `key` in the page's language (English if missing); a function entry is called with `args`. */
export function t(key, ...args) {
  const entry = TEXTS[language()][key] ?? TEXTS.en[key] ?? key;
  return typeof entry === 'function' ? entry(...args) : entry;
}

export const VESSEL_TEXTS = TEXTS;
