#if canImport(Glibc)
import Glibc
#endif

/// Settings of the C allocator for Keel's short-lived commands.
enum AllocatorTuning {
    /// Turns off glibc's fast bins. Generating builds and drops trees of millions of small objects (the OpenAPI
    /// document, the template contexts); with fast bins, each free of a block of 64 KiB or more among them first
    /// merges every fast-bin block (`malloc_consolidate`): with `unlink_chunk` under it, 3 to 6 % of a 1,000-table
    /// generation's CPU. Small blocks still come from the per-thread cache. docs/generation-speed.md has the figures.
    static func apply() {
        #if canImport(Glibc)
        // `mallopt` and `M_MXFAST` (1 in every glibc) do not reach Swift from malloc.h; the symbol is looked up instead.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(1, 0)
        #endif
    }
}
