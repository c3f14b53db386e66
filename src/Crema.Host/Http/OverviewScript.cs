using System.Security.Cryptography;
using System.Text;

namespace Crema.Host.Http;

/// <summary>
/// The overview's only script, inline (no CDN: the page works offline): filter by text and state, sort
/// by a column, both kept in the URL's fragment; every 10 s the rows and counts are fetched again and
/// swapped in, so a refresh never interrupts typing. The page's Content-Security-Policy allows this
/// script alone, by its hash.
/// </summary>
internal static class OverviewScript
{
    public const string Source = """
        (() => {
          const q = document.getElementById('q'), state = document.getElementById('state');
          let key = -1, dir = 1;
          const value = (row) => { const cell = row.cells[key]; return cell.dataset.v ?? cell.textContent; };
          function apply() {
            const text = q.value.trim().toLowerCase(), wanted = state.value;
            let shown = 0;
            for (const row of document.getElementById('rows').rows) {
              const ok = (!wanted || row.dataset.state === wanted) && (!text || row.dataset.text.includes(text));
              row.hidden = !ok;
              if (ok) shown++;
            }
            document.getElementById('shown').textContent = shown;
            for (const a of document.querySelectorAll('#counts a')) a.classList.toggle('on', a.dataset.state === wanted);
          }
          function sort() {
            if (key < 0) return;
            const body = document.getElementById('rows'), rows = [...body.rows];
            rows.sort((a, b) => {
              const x = value(a), y = value(b), nx = Number(x), ny = Number(y);
              return dir * (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y));
            });
            body.append(...rows);
          }
          function save() {
            history.replaceState(null, '', '#' + new URLSearchParams({ q: q.value, state: state.value, sort: key, dir: dir }));
          }
          const saved = new URLSearchParams(location.hash.slice(1));
          q.value = saved.get('q') ?? '';
          state.value = saved.get('state') ?? '';
          key = Number(saved.get('sort') ?? -1);
          dir = Number(saved.get('dir')) === -1 ? -1 : 1;
          document.addEventListener('click', (e) => {
            const th = e.target.closest('th[data-k]');
            if (th) { const k = Number(th.dataset.k); dir = key === k ? -dir : 1; key = k; sort(); save(); return; }
            const a = e.target.closest('#counts a');
            if (a) { e.preventDefault(); state.value = a.dataset.state; apply(); save(); }
          });
          q.addEventListener('input', () => { apply(); save(); });
          state.addEventListener('change', () => { apply(); save(); });
          async function refresh() {
            try {
              const response = await fetch(location.pathname, { cache: 'no-store' });
              if (!response.ok) return;
              const page = new DOMParser().parseFromString(await response.text(), 'text/html');
              for (const id of ['rows', 'counts', 'meta']) {
                const fresh = page.getElementById(id);
                if (fresh) document.getElementById(id).replaceWith(document.adoptNode(fresh));
              }
              sort();
              apply();
            } catch {
              // The daemon is restarting or the network dropped: keep showing the last rows.
            }
          }
          sort();
          apply();
          setInterval(refresh, 10000);
        })();
        """;

    /// <summary>The CSP source that allows exactly <see cref="Source"/>.</summary>
    public static string Hash { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Source))) + "'";
}
