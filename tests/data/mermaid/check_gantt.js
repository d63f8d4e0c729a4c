// node check_gantt.js FILE.mmd: parses a Mermaid gantt block with Mermaid's own gantt grammar
// (gantt_parser.js, compiled by jison from gantt.jison: see README.md) and prints as JSON what it
// yields: {"tasks": [names], "sections": [...], "settings": [the settings' names]}, or
// {"error": "..."} when the chart does not parse. Needs nothing but node.
'use strict';
const fs = require('fs');
const parser = require('./gantt_parser.js').parser;
const seen = {tasks: [], sections: [], settings: []};
const setters = {
  setDateFormat: 'dateFormat', enableInclusiveEndDates: 'inclusiveEndDates', TopAxis: 'topAxis',
  setAxisFormat: 'axisFormat', setTickInterval: 'tickInterval', setExcludes: 'excludes',
  setIncludes: 'includes', setTodayMarker: 'todayMarker', setWeekday: 'weekday',
  setWeekend: 'weekend', setDiagramTitle: 'title', setAccTitle: 'accTitle',
  setAccDescription: 'accDescription', setClickEvent: 'click', setLink: 'link',
};
const yy = {
  addTask: (name, data) => seen.tasks.push(name.trim()),
  addSection: (name) => seen.sections.push(name),
  parseError: (message) => { throw new Error(message); },
};
for (const [method, name] of Object.entries(setters)) yy[method] = () => seen.settings.push(name);
parser.yy = yy;
try {
  parser.parse(fs.readFileSync(process.argv[2], 'utf8'));
  console.log(JSON.stringify(seen));
} catch (e) {
  console.log(JSON.stringify({error: String(e.message).split('\n').slice(0, 3).join(' / ')}));
}
