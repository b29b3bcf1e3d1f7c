// The board's charts: figures against targets and the trend, from the data the page carries as JSON.
document.addEventListener('DOMContentLoaded', () => {
  const data = JSON.parse(document.getElementById('boardData').textContent);
  const figures = data.figures;
  const trend = data.trend;
  const labels = data.labels;
  const figureNames = data.figureNames || {};
  if (figures && document.getElementById('figuresChart')) {
    const keys = Object.keys(figures);
    echarts.init(document.getElementById('figuresChart')).setOption({
      tooltip: {}, legend: {}, grid: {containLabel: true},
      xAxis: {type: 'value'}, yAxis: {type: 'category', data: keys.map(k => figureNames[k] || k)},
      series: [{name: labels.value, type: 'bar', data: keys.map(k => figures[k].value)},
               {name: labels.target, type: 'bar', data: keys.map(k => figures[k].target)}]
    });
  }
  if (trend && document.getElementById('trendChart')) {
    // a single day is no trend yet: two bars say it better than two dots
    const type = trend.length > 1 ? 'line' : 'bar';
    echarts.init(document.getElementById('trendChart')).setOption({
      tooltip: {trigger: 'axis'}, legend: {}, grid: {containLabel: true},
      xAxis: {type: 'category', data: trend.map(d => d.date)}, yAxis: {type: 'value'},
      series: [{name: labels.scope, type: type, data: trend.map(d => d.scope)},
               {name: labels.done, type: type, data: trend.map(d => d.done)}]
    });
  }
});
