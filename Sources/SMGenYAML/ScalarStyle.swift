/// How a scalar was written in the source; plain scalars are the only ones whose
/// text may stand for a number, a boolean or null.
public enum ScalarStyle: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}
