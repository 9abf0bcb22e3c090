// kg viz: draws the graph and wires the legend filters, date range, search and details panel.
// Every piece of article text (names, quotes, sentences, headlines) reaches the page through
// textContent or a canvas label, never as markup: articles are untrusted input.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  // ---------------------------------------------------------------- describing a node

  function describe(node, full) {
    // full: the details panel (everything); otherwise the hover tooltip (a summary).
    var k = node.kg;
    var box = el("div", "kg-describe");
    box.appendChild(el("h3", null, node.label));
    box.appendChild(el("p", "kg-type", k.type));
    var rows = [];
    if (k.aliases.length) { rows.push(["also", k.aliases.join("; ")]); }
    if (k.dates.length) { rows.push([k.dates.length > 1 ? "dates" : "date", k.dates.join(", ")]); }
    k.facts.forEach(function (f) {  // one row per property: "missile: ICBM; long-range missile"
      var last = rows[rows.length - 1];
      if (last && last[0] === f[0]) { last[1] += "; " + f[1]; } else { rows.push([f[0], f[1]]); }
    });
    if (k.articles.length) {  // the tooltip counts the articles; the details panel names them
      rows.push(["mentioned in", full || k.articles.length < 3 ? k.articles.join("; ") : k.articles.length + " articles"]);
    }
    if (rows.length) {
      var dl = el("dl");
      rows.forEach(function (r) { dl.appendChild(el("dt", null, r[0])); dl.appendChild(el("dd", null, r[1])); });
      box.appendChild(dl);
    }
    var shown = full ? k.evidence : k.evidence.slice(0, 3);
    if (shown.length) {
      box.appendChild(el("h4", null, full ? "Evidence" : "Evidence (click for all)"));
      var ul = el("ul", "kg-evidence");
      shown.forEach(function (ev) {
        var li = el("li");
        li.appendChild(el("blockquote", null, ev.sentence));
        var where = [ev.article, ev.source, ev.published].filter(function (s) { return s; }).join(" · ");
        li.appendChild(el("cite", null, where));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      if (!full && k.evidence.length > shown.length) {
        box.appendChild(el("p", "kg-hint", "+ " + (k.evidence.length - shown.length) + " more sentences"));
      }
    } else if (full) {
      box.appendChild(el("p", "kg-hint", "No evidence sentence recorded for this node."));
    }
    if (full) {
      box.appendChild(links(node));
      box.appendChild(el("p", "kg-iri", k.iri));
    }
    return box;
  }

  function links(node) {
    // The node's neighbours, each a button that moves the focus there: reading a launch, one
    // clicks through to its launcher without hunting for it on the canvas.
    var wrap = el("div", "kg-links");
    var ids = network.getConnectedEdges(node.id);
    if (!ids.length) { return wrap; }
    wrap.appendChild(el("h4", null, "Links"));
    var ul = el("ul");
    ids.map(function (id) { return edges.get(id); }).sort(function (a, b) {
      return (a.label + a.from + a.to < b.label + b.from + b.to) ? -1 : 1;
    }).forEach(function (e) {
      var out = e.from === node.id, other = byId[out ? e.to : e.from];
      var li = el("li");
      li.appendChild(el("span", "kg-rel", out ? e.label + " →" : "← " + e.label));
      li.appendChild(jump(other));
      ul.appendChild(li);
    });
    wrap.appendChild(ul);
    return wrap;
  }

  function jump(node) {
    var b = el("button", "kg-jump", node.label);
    b.type = "button";
    b.title = node.kg.type;  // a DOM attribute set as text: never parsed as markup
    b.addEventListener("click", function () { focusNode(node.id); });
    return b;
  }

  var details = document.getElementById("kg-details");
  function showDetails(id) {
    var node = byId[id];
    if (!node) { return; }
    details.replaceChildren(describe(node, true));
  }

  var tooltip = document.getElementById("kg-tooltip");
  network.on("hoverNode", function (params) {
    var node = byId[params.node];
    if (!node) { return; }
    tooltip.replaceChildren(describe(node, false));
    var x = params.pointer.DOM.x + 16, y = params.pointer.DOM.y + 16;
    tooltip.hidden = false;
    var maxX = container.clientWidth - tooltip.offsetWidth - 8;
    tooltip.style.left = Math.max(0, Math.min(x, maxX)) + "px";
    tooltip.style.top = (container.offsetTop + y) + "px";
  });
  network.on("blurNode", function () { tooltip.hidden = true; });
  network.on("dragStart", function () { tooltip.hidden = true; });
  network.on("click", function (params) {
    tooltip.hidden = true;
    if (params.nodes.length) { showDetails(params.nodes[0]); }
  });

  // ---------------------------------------------------------------- legend and filters

  var hiddenClasses = {};
  var legend = document.getElementById("kg-legend");
  var SVG = "http://www.w3.org/2000/svg";
  var SHAPES = {
    dot: "circle", square: "M2 2H14V14H2Z", diamond: "M8 1L15 8L8 15L1 8Z", triangle: "M8 1L15 14H1Z",
    triangleDown: "M1 2H15L8 15Z", hexagon: "M4 1.5H12L15.5 8L12 14.5H4L0.5 8Z",
    star: "M8 0.5L10 6H15.5L11 9.3L12.8 15L8 11.5L3.2 15L5 9.3L0.5 6H6Z"
  };
  function icon(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "0 0 16 16");
    var path = SHAPES[shape] || SHAPES.dot;
    var mark = document.createElementNS(SVG, path === "circle" ? "circle" : "path");
    if (path === "circle") {
      mark.setAttribute("cx", "8"); mark.setAttribute("cy", "8"); mark.setAttribute("r", "6.5");
    } else { mark.setAttribute("d", path); }
    mark.setAttribute("fill", color); mark.setAttribute("stroke", "#333"); mark.setAttribute("stroke-width", "1");
    svg.appendChild(mark);
    return svg;
  }
  var FAMILIES = { actor: "Actors", place: "Places", event: "Events" };
  var lastFamily = null;
  data.legend.forEach(function (row) {
    if (row.family !== lastFamily) {
      legend.appendChild(el("li", "kg-family", FAMILIES[row.family] || row.family));
      lastFamily = row.family;
    }
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.cls = row.cls;
    box.addEventListener("change", function () {
      if (box.checked) { delete hiddenClasses[row.cls]; } else { hiddenClasses[row.cls] = true; }
      applyFilters();
    });
    label.appendChild(box);
    label.appendChild(icon(row.shape, row.color));
    label.appendChild(el("span", null, row.label));
    label.appendChild(el("span", "kg-count", row.count));
    li.appendChild(label);
    legend.appendChild(li);
  });

  var dateFrom = document.getElementById("kg-date-from");
  var dateTo = document.getElementById("kg-date-to");
  var undated = document.getElementById("kg-undated");
  [dateFrom, dateTo].forEach(function (input) {
    input.min = data.meta.date_min; input.max = data.meta.date_max;
    input.addEventListener("change", applyFilters);
  });
  dateFrom.value = data.meta.date_min; dateTo.value = data.meta.date_max;
  undated.addEventListener("change", applyFilters);

  function inRange(node) {
    // Dates are xsd:date or xsd:dateTime; the day is their first ten characters.
    if (!node.kg.dates.length) { return undated.checked; }
    var from = dateFrom.value || "0000-00-00", to = dateTo.value || "9999-99-99";
    return node.kg.dates.some(function (d) { var day = d.slice(0, 10); return day >= from && day <= to; });
  }

  function isVisible(node) {
    if (hiddenClasses[node.kg.cls]) { return false; }
    if (node.kg.family === "event") { return inRange(node); }
    // An actor or place goes when every event it takes part in falls outside the dates.
    if (!node.kg.events.length) { return true; }
    return node.kg.events.some(function (id) { return byId[id] && inRange(byId[id]); });
  }

  var visibleText = document.getElementById("kg-visible");
  function applyFilters() {
    var changes = [], shown = 0;
    data.nodes.forEach(function (n) {
      var hide = !isVisible(n);
      if (!hide) { shown += 1; }
      if (Boolean(nodes.get(n.id).hidden) !== hide) { changes.push({ id: n.id, hidden: hide }); }
    });
    if (changes.length) { nodes.update(changes); }
    visibleText.textContent = shown === data.nodes.length ? "" : shown + " of " + data.nodes.length + " shown";
  }

  document.getElementById("kg-reset").addEventListener("click", function () {
    hiddenClasses = {};
    legend.querySelectorAll("input[type=checkbox]").forEach(function (b) { b.checked = true; });
    dateFrom.value = data.meta.date_min; dateTo.value = data.meta.date_max; undated.checked = true;
    applyFilters();
    network.fit();
  });

  // ---------------------------------------------------------------- search

  var search = document.getElementById("kg-search");
  var status = document.getElementById("kg-search-status");
  var names = document.getElementById("kg-names");
  var seen = {};
  data.nodes.forEach(function (n) {
    [n.label].concat(n.kg.aliases).forEach(function (name) {
      if (seen[name.toLowerCase()]) { return; }
      seen[name.toLowerCase()] = true;
      var option = el("option");
      option.value = name;
      names.appendChild(option);
    });
  });

  function findNode(text) {
    var q = text.trim().toLowerCase();
    if (!q) { return null; }
    var exact = data.nodes.filter(function (n) { return n.label.toLowerCase() === q; });
    if (!exact.length) {
      exact = data.nodes.filter(function (n) {
        return n.kg.aliases.some(function (a) { return a.toLowerCase() === q; });
      });
    }
    if (!exact.length) {
      exact = data.nodes.filter(function (n) {
        return [n.label].concat(n.kg.aliases).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
      });
    }
    return exact.length ? exact[0] : null;
  }

  function focusNode(id) {
    var node = byId[id];
    if (!node) { return false; }
    if (nodes.get(id).hidden) {
      status.textContent = "“" + node.label + "” is hidden by the filters: “Show everything” brings it back.";
      return false;
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showDetails(id);
    status.textContent = "";
    return true;
  }

  function runSearch() {
    var node = findNode(search.value);
    if (!node) { status.textContent = search.value.trim() ? "Nothing is called “" + search.value + "”." : ""; return; }
    focusNode(node.id);
  }
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); runSearch(); } });
  search.addEventListener("change", runSearch);

  // ---------------------------------------------------------------- header

  var m = data.meta;
  var summary = m.drawn + " nodes, " + m.links + " links";
  if (m.articles) { summary += " from " + m.articles + (m.articles === 1 ? " article" : " articles"); }
  if (m.focus) { summary += " · neighbourhood of “" + m.focus + "” within " + m.depth + (m.depth === 1 ? " link" : " links"); }
  if (m.left_out) { summary += " · " + m.left_out + " less central nodes left out (of " + m.total + ")"; }
  if (!m.drawn) { summary = "This graph has no entities or events to draw."; }
  document.getElementById("kg-summary").textContent = summary;

  var central = document.getElementById("kg-central");
  m.central.forEach(function (id) {
    var li = el("li");
    li.appendChild(jump(byId[id]));
    li.appendChild(el("span", "kg-count", byId[id].kg.type));
    central.appendChild(li);
  });

  network.once("afterDrawing", function () { window.kgReady = true; });
  network.fit();
  if (m.focus_id && byId[m.focus_id]) { network.selectNodes([m.focus_id]); showDetails(m.focus_id); }
  // For tests and the console: the network, its data sets, and the page's own actions.
  window.kg = {
    network: network, nodes: nodes, edges: edges, focusNode: focusNode, showDetails: showDetails,
    applyFilters: applyFilters,
    visibleNodeIds: function () { return nodes.getIds({ filter: function (n) { return !n.hidden; } }); }
  };
}());
