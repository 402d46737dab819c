/** ECharts ships its locale objects as untyped UMD files; this is the shape `registerLocale` takes. */
declare module 'echarts/i18n/langRU-obj.js' {
  const locale: Record<string, unknown>;
  export default locale;
}
