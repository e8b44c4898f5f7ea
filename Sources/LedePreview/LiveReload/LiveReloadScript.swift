/// The script every HTML page gets while previewed, served at `/__lede/livereload.js`.
///
/// It lives only in the server (injected into responses on the fly): files on disk never
/// contain it, so a preview build can be published as is.
enum LiveReloadScript {
    /// Where the script is served.
    static let path = "/__lede/livereload.js"
    /// Where the event stream is served.
    static let eventsPath = "/__lede/events"
    /// The tag inserted before `</body>`; `defer` so it never delays the page.
    static let tag = "<script src=\"\(path)\" defer></script>"

    /// The script: a failed build's errors cover the page; a build's warnings sit in a panel at
    /// its foot that the author can dismiss. Their text goes through `textContent`, never
    /// `innerHTML`: compiler lines quote the author's Markdown, which may contain markup.
    static let source = """
        (() => {
          "use strict";
          if (window.__ledeLiveReload) return;
          window.__ledeLiveReload = true;
          const overlayID = "lede-error-overlay";
          const removeOverlay = () => document.getElementById(overlayID)?.remove();
          const showOverlay = (lines) => {
            removeOverlay();
            const overlay = document.createElement("div");
            overlay.id = overlayID;
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
              "box-sizing:border-box;padding:3rem 2rem 2rem;background:rgba(10,10,12,0.97);color:#fff;" +
              "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left;";
            const title = document.createElement("strong");
            title.textContent = "Build failed";
            title.style.cssText = "display:block;margin-bottom:1rem;color:#ff9b9b;font-size:1.1em;";
            const pre = document.createElement("pre");
            pre.textContent = lines.join("\\n");
            pre.style.cssText = "margin:0;white-space:pre-wrap;color:#fff;background:none;font:inherit;";
            const close = document.createElement("button");
            close.type = "button";
            close.textContent = "Dismiss (Esc)";
            close.style.cssText = "position:absolute;top:1rem;right:1rem;padding:.25rem .75rem;" +
              "border:2px solid #fff;background:#000;color:#fff;font:inherit;cursor:pointer;";
            close.addEventListener("click", removeOverlay);
            overlay.append(close, title, pre);
            (document.body || document.documentElement).appendChild(overlay);
          };
          const panelID = "lede-warnings";
          const removePanel = () => document.getElementById(panelID)?.remove();
          const showPanel = (lines) => {
            removePanel();
            if (!lines.length) return;
            const panel = document.createElement("section");
            panel.id = panelID;
            panel.setAttribute("role", "status");
            panel.setAttribute("aria-label", "Build warnings");
            panel.style.cssText = "position:fixed;inset-inline:0;bottom:0;z-index:2147483646;max-height:40vh;" +
              "overflow:auto;box-sizing:border-box;padding:1rem 2rem;background:#2b2100;color:#fff;" +
              "border-top:3px solid #f5c542;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
              "text-align:start;";
            const title = document.createElement("strong");
            title.textContent = lines.length === 1 ? "1 warning" : lines.length + " warnings";
            title.style.cssText = "display:block;margin-bottom:.5rem;color:#f5c542;";
            const pre = document.createElement("pre");
            pre.textContent = lines.join("\\n");
            pre.style.cssText = "margin:0;white-space:pre-wrap;color:#fff;background:none;font:inherit;";
            const close = document.createElement("button");
            close.type = "button";
            close.textContent = "Dismiss";
            close.style.cssText = "float:inline-end;padding:.125rem .5rem;border:2px solid #fff;" +
              "background:#000;color:#fff;font:inherit;cursor:pointer;";
            close.addEventListener("click", removePanel);
            panel.append(close, title, pre);
            (document.body || document.documentElement).appendChild(panel);
          };
          document.addEventListener("keydown", (event) => {
            if (event.key === "Escape") { removeOverlay(); removePanel(); }
          });
          const swapStylesheets = () => {
            for (const link of document.querySelectorAll('link[rel~="stylesheet"][href]')) {
              const url = new URL(link.getAttribute("href"), location.href);
              if (url.origin !== location.origin) continue;
              url.searchParams.set("lede-reload", String(Date.now()));
              const next = link.cloneNode();
              next.href = url.href;
              const drop = () => link.remove();
              next.addEventListener("load", drop);
              next.addEventListener("error", drop);
              link.after(next);
            }
          };
          const events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", () => {
            removeOverlay();
            location.reload();
          });
          events.addEventListener("css", () => {
            removeOverlay();
            swapStylesheets();
          });
          events.addEventListener("warnings", (event) => {
            try { showPanel(JSON.parse(event.data)); } catch (_) {}
          });
          // A connection error is also an "error" event, but without data: skip those.
          events.addEventListener("error", (event) => {
            if (typeof event.data !== "string") return;
            try { showOverlay(JSON.parse(event.data)); } catch (_) {}
          });
        })();

        """

    /// `html` with ``tag`` inserted before the last `</body>` (any case), or appended when the
    /// page has none; works on bytes so a page that is not valid UTF-8 passes through intact.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let needle = Array("</body".utf8)
        let tagBytes = Array(tag.utf8)
        var index = html.count - needle.count
        while index >= 0 {
            if zip(html[index..<index + needle.count], needle).allSatisfy({ lowercased($0) == $1 }) {
                return Array(html[..<index]) + tagBytes + Array(html[index...])
            }
            index -= 1
        }
        return html + tagBytes
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
