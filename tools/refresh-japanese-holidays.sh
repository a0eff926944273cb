#!/usr/bin/env bash
# Regenerates src/main/resources/holidays/japan.csv from the holiday_jp data set (npm package
# @holiday-jp/holiday_jp, MIT), which follows the Cabinet Office's list of national holidays
# (syukujitsu.csv). Run it when a new version of the package is published, then check the diff and
# update VERSION and the date in src/main/resources/holidays/README.md.
#   tools/refresh-japanese-holidays.sh [version]   (default: the version in the README)
set -euo pipefail
cd "$(dirname "$0")/.."
readme=src/main/resources/holidays/README.md
version="${1:-$(sed -n 's/^- package version: //p' "$readme")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@holiday-jp/holiday_jp@$version" >/dev/null && tar xzf ./*.tgz)
node - "$work/package/lib/holidays.js" > src/main/resources/holidays/japan.csv <<'JS'
const holidays = require(process.argv[2]);
const rows = Object.values(holidays).sort((a, b) => a.date.localeCompare(b.date));
for (const h of rows) {
  if ([h.name, h.name_en].some(name => name.includes(','))) throw new Error('a comma in ' + h.date);
}
process.stdout.write('date,name,name_en\n' + rows.map(h => `${h.date},${h.name},${h.name_en}`).join('\n') + '\n');
JS
cp "$work/package/LICENSE" src/main/resources/holidays/LICENSE-holiday_jp
echo "japan.csv: $(($(wc -l < src/main/resources/holidays/japan.csv) - 1)) holidays from @holiday-jp/holiday_jp $version"
