/// Names editors write next to the file being saved: swap files, backups, lock files.
///
/// They are never changes by themselves (a rebuild for them would be wasted, and a vim swap
/// file is rewritten every few seconds while typing), but the final rename of a temporary
/// file onto the real name is: that event carries the real name, so it is not filtered.
enum EditorFiles {
    /// Whether `name` (a file name, no folder) is an editor's temporary or backup file.
    static func isTemporary(_ name: String) -> Bool {
        if name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo") { return true }  // vim swap
        if name.hasSuffix("~") { return true }  // vim, emacs, gedit backups
        if name == "4913" { return true }  // vim's "can I create files here" probe
        if name.hasPrefix(".#") { return true }  // emacs lock symlink
        if name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }  // emacs auto-save
        return false
    }
}
