/* sitrep report: sorting, filtering and tooltips. The page reads without this script. */
(function () {
	"use strict";
	var meta = JSON.parse(document.getElementById("report-meta").textContent);
	var tbody = document.getElementById("events").tBodies[0];
	var rows = Array.prototype.slice.call(tbody.rows);
	var marks = document.querySelectorAll("#map .event-mark");
	var tip = document.getElementById("tip");

	/* The k-th mark is the k-th row with coordinates (rows without have class "ng"). */
	var k = 0;
	rows.forEach(function (row) {
		if (!row.classList.contains("ng") && k < marks.length) {
			row.mark = marks[k];
			marks[k++].row = row;
		}
	});

	/* A cell's main text and the small line under it. */
	function parts(cell) {
		var small = cell.querySelector("i");
		var all = cell.textContent;
		return small ? [all.slice(0, all.length - small.textContent.length), small.textContent] : [all, ""];
	}

	function add(tag, text) {
		if (!text)
			return;
		var el = document.createElement(tag);
		el.textContent = text;
		tip.appendChild(el);
	}

	function showTip(row, x, y) {
		var c = row.cells, type = parts(c[1]), actors = parts(c[2]), place = parts(c[3]);
		tip.textContent = "";
		add("b", (c[0].textContent || "undated") + " \u00b7 " + type[0] + (type[1] ? " (" + type[1] + ")" : ""));
		add("div", actors[0] + (actors[1] ? " \u2013 " + actors[1] : ""));
		add("div", place[0] + (place[1] ? ", " + place[1] : ""));
		add("div", c[4].textContent + " fatalities");
		add("q", c[5].textContent);
		tip.hidden = false;
		moveTip(x, y);
	}

	function moveTip(x, y) {
		var w = tip.offsetWidth, h = tip.offsetHeight;
		tip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 8)) + "px";
		tip.style.top = (y + h + 20 > window.innerHeight ? y - h - 12 : y + 14) + "px";
	}

	var map = document.getElementById("map");
	map.addEventListener("mouseover", function (ev) {
		if (ev.target.row)
			showTip(ev.target.row, ev.clientX, ev.clientY);
	});
	map.addEventListener("mousemove", function (ev) {
		if (!tip.hidden)
			moveTip(ev.clientX, ev.clientY);
	});
	map.addEventListener("mouseout", function () { tip.hidden = true; });
	map.addEventListener("click", function (ev) {
		var row = ev.target.row;
		if (!row)
			return;
		row.scrollIntoView({ block: "center" });
		row.classList.add("hl");
		setTimeout(function () { row.classList.remove("hl"); }, 2000);
	});
	tbody.addEventListener("mouseover", function (ev) {
		var row = ev.target.closest("tr");
		if (row && row.mark) {
			row.mark.classList.add("hl");
			row.mark.parentNode.appendChild(row.mark); /* on top of its neighbours */
		}
	});
	tbody.addEventListener("mouseout", function (ev) {
		var row = ev.target.closest("tr");
		if (row && row.mark)
			row.mark.classList.remove("hl");
	});

	/* Sorting: click (or Enter on) a header; again to reverse. Ties keep the current order. */
	function sortable(table) {
		var body = table.tBodies[0], heads = table.tHead.rows[0].cells;
		Array.prototype.forEach.call(heads, function (th, col) {
			th.tabIndex = 0;
			function sort() {
				var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
				var numeric = th.hasAttribute("data-numeric");
				var list = Array.prototype.slice.call(body.rows);
				var keys = list.map(function (r, i) {
					var t = r.cells[col] ? r.cells[col].textContent : "";
					return { k: numeric ? parseFloat(t) || 0 : t.toLowerCase(), empty: t === "", i: i };
				});
				keys.sort(function (a, b) {
					if (a.empty !== b.empty)
						return a.empty ? 1 : -1; /* blanks last either way */
					return (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * dir || a.i - b.i;
				});
				var frag = document.createDocumentFragment();
				keys.forEach(function (key) { frag.appendChild(list[key.i]); });
				body.appendChild(frag);
				Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
				th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
			}
			th.addEventListener("click", sort);
			th.addEventListener("keydown", function (ev) {
				if (ev.key === "Enter" || ev.key === " ") {
					ev.preventDefault();
					sort();
				}
			});
		});
	}
	sortable(document.getElementById("events"));
	if (document.getElementById("docs"))
		sortable(document.getElementById("docs"));

	/* Filters: built here, since only the script can apply them. */
	var form = document.getElementById("filters"), shown = document.getElementById("shown");
	function el(tag, attrs, text) {
		var e = document.createElement(tag);
		Object.keys(attrs).forEach(function (a) { e.setAttribute(a, attrs[a]); });
		if (text)
			e.textContent = text;
		return e;
	}
	var types = el("fieldset", {});
	types.appendChild(el("legend", { class: "note" }, "Types"));
	meta.types.forEach(function (t) {
		var label = el("label", {});
		label.appendChild(el("input", { type: "checkbox", value: t.class, checked: "" }));
		label.appendChild(el("span", { class: "sw " + t.class }));
		label.appendChild(document.createTextNode(t.name + " (" + t.events + ")"));
		types.appendChild(label);
	});
	/* Rows come sorted by date, undated last: the range is the first and the last dated row. */
	var range = { min: rows.length ? rows[0].cells[0].textContent : "", max: "" };
	for (var r = rows.length - 1; r >= 0 && !range.max; r--)
		range.max = rows[r].cells[0].textContent;
	var from = el("input", { type: "date", min: range.min, max: range.max });
	var to = el("input", { type: "date", min: range.min, max: range.max });
	var text = el("input", { type: "search", placeholder: "actor, place, words\u2026" });
	[types, ["From ", from], ["to ", to], ["Search ", text]].forEach(function (item) {
		if (!Array.isArray(item))
			return form.appendChild(item);
		var label = el("label", {}, item[0]);
		label.appendChild(item[1]);
		form.appendChild(label);
	});
	form.appendChild(el("button", { type: "reset" }, "Show all"));
	form.hidden = false;

	var lower = [];
	function apply() {
		var on = {}, q = text.value.trim().toLowerCase(), n = 0;
		types.querySelectorAll("input").forEach(function (cb) { on[cb.value] = cb.checked; });
		rows.forEach(function (row, i) {
			var d = row.cells[0].textContent;
			var ok = on[row.classList[0]] !== false && (!from.value || (d && d >= from.value)) &&
				(!to.value || (d && d <= to.value));
			if (ok && q) {
				if (lower[i] === undefined)
					lower[i] = row.textContent.toLowerCase();
				ok = lower[i].indexOf(q) >= 0;
			}
			row.hidden = !ok;
			if (row.mark)
				row.mark.classList.toggle("off", !ok);
			n += ok;
		});
		shown.textContent = n === rows.length ? rows.length + " events" :
			n + " of " + rows.length + " events shown";
	}
	var timer = 0;
	form.addEventListener("input", function () {
		clearTimeout(timer);
		timer = setTimeout(apply, 120);
	});
	form.addEventListener("reset", function () { setTimeout(apply, 0); });
	form.addEventListener("submit", function (ev) { ev.preventDefault(); });
	shown.textContent = rows.length + " events"; /* all of them, until a filter is set */
	document.documentElement.setAttribute("data-ready", meta.events);
})();
