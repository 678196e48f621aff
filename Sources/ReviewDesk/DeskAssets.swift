/// The desk's one stylesheet and one script, served from the binary (`/assets/...`) so the
/// Content-Security-Policy can allow nothing but the desk's own origin.
enum DeskAssets {
    static let stylesheet = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #d8dde6; --accent: #1f5fbf; --ok: #1e7b3c; --bad: #a52a2a; --warn: #9a6700; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f7f9; }
        header { display: flex; gap: 24px; align-items: center; padding: 10px 20px; background: #17233b; color: #fff; }
        header a { color: #dfe8ff; margin-right: 14px; text-decoration: none; }
        header .who { color: #b9c4d8; margin-left: 24px; }
        main { padding: 16px 20px; max-width: 1400px; }
        h1 { font-size: 20px; margin: 4px 0 12px; word-break: break-all; }
        h2 { font-size: 15px; margin: 18px 0 6px; color: #2b3a55; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #eef1f6; font-weight: 600; position: sticky; top: 0; }
        tr.focused td { background: #fff6d6; }
        tr.internal td { background: #fff0f0; }
        td.question { max-width: 380px; }
        td.draft { max-width: 420px; color: var(--muted); }
        .mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
        .meta { color: var(--muted); }
        .filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 8px 0; padding: 8px; background: #fff; border: 1px solid var(--line); }
        .bulk { display: flex; gap: 12px; align-items: center; margin: 8px 0; }
        button, a.button { font: inherit; padding: 5px 12px; border: 1px solid #9aa6ba; border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; text-decoration: none; }
        button.approve, #approve-selected { border-color: var(--ok); color: var(--ok); }
        button.reject { border-color: var(--bad); color: var(--bad); }
        .conf, .badge, .tier { display: inline-block; padding: 1px 7px; border-radius: 9px; font-size: 12px; border: 1px solid var(--line); }
        .conf.high { background: #e3f4e8; } .conf.medium { background: #fff4d6; } .conf.low { background: #fde4e4; }
        .badge.approved { background: #e3f4e8; color: var(--ok); } .badge.edited { background: #e4edfb; color: var(--accent); }
        .badge.rejected { background: #fde4e4; color: var(--bad); } .badge.open { color: var(--muted); }
        .tier.internal { background: var(--bad); color: #fff; font-weight: 600; } .tier.nda { background: #fff4d6; }
        .notice { padding: 8px 12px; border-radius: 4px; border: 1px solid var(--line); background: #fff; }
        .notice.refused { border-color: var(--bad); background: #fdecec; color: #6d1414; }
        .notice.ok { border-color: var(--ok); background: #eaf6ee; }
        section { background: #fff; border: 1px solid var(--line); padding: 8px 14px 12px; margin: 10px 0; }
        blockquote { margin: 6px 0; padding: 8px 12px; border-left: 4px solid var(--accent); background: #f3f6fc; white-space: pre-wrap; }
        .answer { white-space: pre-wrap; }
        form.decide { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; margin: 8px 0; }
        form.decide textarea { flex: 1 1 100%; font: inherit; }
        form.decide input[name=notes] { min-width: 280px; }
        .pager { display: flex; gap: 16px; }
        .bar { display: inline-block; width: 120px; height: 10px; background: #e5e8ee; border-radius: 5px; overflow: hidden; }
        .fill { display: block; height: 100%; background: var(--ok); }
        """ + (0...20).map { ".w\($0 * 5) { width: \($0 * 5)%; }" }.joined(separator: " ") + "\n"

    static let script = #"""
        // The review desk's keyboard and selection helpers; every action still works without them.
        (function () {
          "use strict";
          function typing(target) {
            return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT");
          }
          document.addEventListener("DOMContentLoaded", function () {
            var all = document.getElementById("select-all");
            if (all) {
              all.addEventListener("change", function () {
                document.querySelectorAll('input[name="pick"]').forEach(function (box) { box.checked = all.checked; });
              });
            }
            var filters = document.getElementById("filters");
            if (filters) {
              filters.querySelectorAll("select").forEach(function (select) {
                select.addEventListener("change", function () { filters.submit(); });
              });
            }
            var rows = Array.prototype.slice.call(document.querySelectorAll("#questions tbody tr"));
            var current = -1;
            function focusRow(index) {
              if (!rows.length) { return; }
              current = Math.max(0, Math.min(rows.length - 1, index));
              rows.forEach(function (row, n) { row.classList.toggle("focused", n === current); });
              rows[current].scrollIntoView({ block: "nearest" });
            }
            document.addEventListener("keydown", function (event) {
              var target = event.target;
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && target && target.form) {
                event.preventDefault();
                target.form.submit();
                return;
              }
              if (event.ctrlKey || event.metaKey || event.altKey) { return; }
              if (typing(target)) {
                if (event.key === "Escape") { target.blur(); }
                return;
              }
              var element;
              if (rows.length) {
                if (event.key === "j") { focusRow(current + 1); event.preventDefault(); }
                else if (event.key === "k") { focusRow(current - 1); event.preventDefault(); }
                else if ((event.key === "o" || event.key === "Enter") && current >= 0) {
                  window.location.href = rows[current].getAttribute("data-href");
                } else if (event.key === "x" && current >= 0) {
                  element = rows[current].querySelector('input[name="pick"]');
                  if (element) { element.checked = !element.checked; }
                }
                return;
              }
              if (event.key === "j" && (element = document.getElementById("next"))) { window.location.href = element.href; }
              else if (event.key === "k" && (element = document.getElementById("prev"))) { window.location.href = element.href; }
              else if (event.key === "a" && (element = document.getElementById("approve-form"))) { event.preventDefault(); element.submit(); }
              else if (event.key === "e" && (element = document.getElementById("edit-text"))) { event.preventDefault(); element.focus(); }
              else if (event.key === "r" && (element = document.getElementById("reject-notes"))) { event.preventDefault(); element.focus(); }
            });
          });
        })();
        """#
}
