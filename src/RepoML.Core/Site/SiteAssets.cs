namespace RepoML.Core.Site;

/// <summary>
/// The site's one stylesheet and one script, inlined in every page. The script only enhances: sorting and filtering
/// tables, choosing runs to compare, and drawing the comparison; every page reads fine without it. It builds elements
/// with <c>textContent</c>, never markup from data.
/// </summary>
public static class SiteAssets
{
    public const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#111827;background:#fff}
        header{background:#1f2937;padding:8px 16px}header nav{display:flex;gap:18px;align-items:center;flex-wrap:wrap}
        header a{color:#e5e7eb;text-decoration:none}header a[aria-current]{color:#fff;font-weight:600;text-decoration:underline}
        header a.brand{color:#fff;font-weight:700;margin-right:12px}
        main{max-width:1100px;margin:0 auto;padding:8px 16px 32px}footer{color:#6b7280;font-size:13px;text-align:center;padding:16px}
        h1{font-size:22px}h2{font-size:17px;margin-top:26px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
        table{border-collapse:collapse;margin:8px 0;max-width:100%}td,th{border:1px solid #e5e7eb;padding:4px 8px;font-size:14px;vertical-align:top}
        th{background:#f9fafb;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
        th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
        th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
        .meta,.muted{color:#4b5563;font-size:14px}.label{background:#e0f2fe;border-radius:4px;padding:1px 6px;margin-right:4px;font-size:13px}
        .archived{background:#fee2e2}.better{color:#15803d}.worse{color:#b91c1c}.changed{background:#fef9c3}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px;z-index:9}
        a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
        svg text{font-family:system-ui,sans-serif;font-size:12px}svg a:focus rect{stroke:#2563eb;stroke-width:3}
        .filter{margin:8px 0;padding:4px 8px;font-size:14px;min-width:280px}pre{white-space:pre-wrap;background:#f9fafb;padding:8px}
        .graph{overflow-x:auto;border:1px solid #e5e7eb;border-radius:6px}.grid{display:flex;flex-wrap:wrap;gap:16px}.card{border:1px solid #e5e7eb;border-radius:6px;padding:8px 12px;min-width:220px}
        """;

    public const string Script = """
        (function(){
        function txt(c){return (c.getAttribute('data-sort')||c.textContent).trim();}
        document.querySelectorAll('table.sortable').forEach(function(t){
          t.querySelectorAll('thead th').forEach(function(th,i){
            var b=th.querySelector('button');if(!b)return;
            b.addEventListener('click',function(){
              var asc=th.getAttribute('aria-sort')!=='ascending';
              t.querySelectorAll('thead th').forEach(function(o){o.removeAttribute('aria-sort');});
              th.setAttribute('aria-sort',asc?'ascending':'descending');
              var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
              rows.sort(function(a,b){var x=txt(a.cells[i]),y=txt(b.cells[i]),nx=parseFloat(x),ny=parseFloat(y);
                var r=(!isNaN(nx)&&!isNaN(ny)&&isFinite(x)&&isFinite(y))?nx-ny:x.localeCompare(y);return asc?r:-r;});
              rows.forEach(function(r){body.appendChild(r);});});});});
        document.querySelectorAll('input[data-filter]').forEach(function(f){
          var t=document.getElementById(f.getAttribute('data-filter'));f.hidden=false;
          f.addEventListener('input',function(){var q=f.value.toLowerCase();
            Array.prototype.forEach.call(t.tBodies[0].rows,function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});});
        var go=document.getElementById('compare-selected');
        if(go){go.hidden=false;go.addEventListener('click',function(){
          var ids=Array.prototype.map.call(document.querySelectorAll('input.pick:checked'),function(c){return encodeURIComponent(c.value);});
          location.href=go.getAttribute('data-href')+'?runs='+ids.join(',');});}
        var data=document.getElementById('runs-data');
        if(data){compare(JSON.parse(data.textContent));}
        function el(tag,text,cls){var e=document.createElement(tag);if(text!==undefined)e.textContent=text;if(cls)e.className=cls;return e;}
        function compare(runs){
          var q=new URLSearchParams(location.search).get('runs');var ids=q?q.split(',').filter(Boolean):[];
          var picked=ids.map(function(id){return runs.filter(function(r){return r.id===id;})[0];}).filter(Boolean);
          if(picked.length<2)picked=runs.slice(0,2);
          var out=document.getElementById('comparison');if(!out||picked.length<2)return;out.textContent='';
          out.appendChild(el('h2','Runs '+picked.map(function(r){return r.id;}).join(', ')));
          table('Parameters','params',false);table('Metrics','metrics',true);chart();
          function keys(k){var s={};picked.forEach(function(r){Object.keys(r[k]).forEach(function(n){s[n]=1;});});return Object.keys(s).sort();}
          function table(title,k,numeric){
            out.appendChild(el('h3',title));var t=el('table');t.id='compare-'+k;var h=t.insertRow();h.appendChild(el('th','Name'));
            picked.forEach(function(r,i){h.appendChild(el('th',r.id+(numeric&&i>0?' (Δ vs '+picked[0].id+')':'')));});
            keys(k).forEach(function(n){var row=t.insertRow();row.appendChild(el('td',n));
              var vals=picked.map(function(r){return r[k][n];});var differ=vals.some(function(v){return v!==vals[0];});
              if(differ&&!numeric)row.className='changed';
              vals.forEach(function(v,i){var s=v===undefined?'–':String(v);
                if(numeric&&i>0&&v!==undefined&&vals[0]!==undefined){var d=v-vals[0];s+=' ('+(d>=0?'+':'')+d.toPrecision(4)+')';}
                row.appendChild(el('td',s,numeric?'n':''));});});
            out.appendChild(t);}
          function chart(){
            function val(r,a){var v=a in r.metrics?r.metrics[a]:parseFloat(r.params[a]);return isFinite(v)?v:undefined;}
            var axes=keys('params').filter(function(a){return picked.every(function(r){return val(r,a)!==undefined;});}).concat(keys('metrics'));
            if(axes.length<2)return;var ns='http://www.w3.org/2000/svg',w=Math.max(320,axes.length*140),hgt=220;
            var svg=document.createElementNS(ns,'svg');svg.setAttribute('width',w);svg.setAttribute('height',hgt+40);svg.setAttribute('role','img');
            svg.setAttribute('aria-label','Parallel coordinates of the selected runs\' parameters and metrics');
            var colors=['#2563eb','#dc2626','#16a34a','#9333ea','#ea580c','#0891b2'];
            function x(i){return 60+i*(w-120)/Math.max(1,axes.length-1);}
            function y(a,v){var vs=picked.map(function(r){return val(r,a);}).filter(function(z){return z!==undefined;});
              var lo=Math.min.apply(null,vs),hi=Math.max.apply(null,vs);return 20+(hi===lo?0.5:(hi-v)/(hi-lo))*hgt;}
            axes.forEach(function(a,i){var l=document.createElementNS(ns,'line');l.setAttribute('x1',x(i));l.setAttribute('x2',x(i));
              l.setAttribute('y1',20);l.setAttribute('y2',20+hgt);l.setAttribute('stroke','#9ca3af');svg.appendChild(l);
              var t=document.createElementNS(ns,'text');t.setAttribute('x',x(i));t.setAttribute('y',hgt+36);t.setAttribute('text-anchor','middle');
              t.textContent=a;svg.appendChild(t);});
            picked.forEach(function(r,k){var pts=[];axes.forEach(function(a,i){if(val(r,a)!==undefined)pts.push(x(i)+','+y(a,val(r,a)));});
              var p=document.createElementNS(ns,'polyline');p.setAttribute('points',pts.join(' '));p.setAttribute('fill','none');
              p.setAttribute('stroke',colors[k%colors.length]);p.setAttribute('stroke-width','2');
              var ti=document.createElementNS(ns,'title');ti.textContent=r.id;p.appendChild(ti);svg.appendChild(p);
              var key=document.createElementNS(ns,'text');key.setAttribute('x',w-50);key.setAttribute('y',14+k*14);key.setAttribute('fill',colors[k%colors.length]);
              key.textContent=r.id;svg.appendChild(key);});
            out.appendChild(el('h3','Parameters and metrics, parallel coordinates'));out.appendChild(svg);}
        }
        })();
        """;
}
