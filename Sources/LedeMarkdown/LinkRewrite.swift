/// What a link in the document becomes.
///
/// Returned by ``MarkdownHooks/resolveLink`` for every link and image destination.
public enum LinkRewrite: Sendable, Hashable {
    /// Leaves the link as cmark renders it.
    case keep
    /// Replaces the destination; cmark still renders the link, so safe mode still empties
    /// dangerous URLs.
    case url(String)
    /// Renders the link as `<a href="url" class="className" title="title" aria-label="title">children</a>`:
    /// the title is also the accessible name, for links whose text is a symbol (`¶3`).
    ///
    /// Attributes are escaped. The element is emitted as our own markup, so it survives safe
    /// mode; a dangerous `url` is still emptied in safe mode. On an image only `url` is used.
    case styled(url: String, className: String, title: String?)
}
