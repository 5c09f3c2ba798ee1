// GB/T 2260 codes for the prefecture and its counties/cities; the two parks are regions of their own
// and carry short codes of Lianzhu's own, since GB/T 2260 gives development zones none.
export const REGIONS = [
  { code: '652300', name: '昌吉回族自治州', nameEn: 'Changji Hui Autonomous Prefecture', kind: 'prefecture', parentCode: null },
  { code: '652301', name: '昌吉市', nameEn: 'Changji City', kind: 'county', parentCode: '652300' },
  { code: '652302', name: '阜康市', nameEn: 'Fukang City', kind: 'county', parentCode: '652300' },
  { code: '652323', name: '呼图壁县', nameEn: 'Hutubi County', kind: 'county', parentCode: '652300' },
  { code: '652324', name: '玛纳斯县', nameEn: 'Manas County', kind: 'county', parentCode: '652300' },
  { code: '652325', name: '奇台县', nameEn: 'Qitai County', kind: 'county', parentCode: '652300' },
  { code: '652327', name: '吉木萨尔县', nameEn: 'Jimsar County', kind: 'county', parentCode: '652300' },
  { code: '652328', name: '木垒哈萨克自治县', nameEn: 'Mori Kazakh Autonomous County', kind: 'county', parentCode: '652300' },
  { code: 'CJHTZ', name: '昌吉国家高新技术产业开发区', nameEn: 'Changji National High-tech Industrial Development Zone', kind: 'park', parentCode: '652300' },
  { code: 'ZDETDZ', name: '新疆准东经济技术开发区', nameEn: 'Xinjiang Zhundong Economic and Technological Development Zone', kind: 'park', parentCode: '652300' },
] as const;

export const PREFECTURE_CODE = '652300';
export const REGION_CODES = {
  changji: '652301',
  fukang: '652302',
  hutubi: '652323',
  manas: '652324',
  qitai: '652325',
  jimsar: '652327',
  mulei: '652328',
  gaoxin: 'CJHTZ',
  zhundong: 'ZDETDZ',
} as const;
