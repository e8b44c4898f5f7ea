/// Lede's version: the one place it is written, shown by `lede --version` and
/// named in `lede check --format sarif`.
public enum LedeVersion {
    /// The version, as `lede --version` prints it.
    public static let current = "0.14.0"
}
