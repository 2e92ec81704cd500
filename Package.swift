// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "smgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "smgen", targets: ["smgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev, pkg-config yaml-0.1).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // glibc's malloc.h, to tune the allocator (mallopt) for the process's one large render.
        .systemLibrary(name: "CMalloc"),
        // The kernel's exchange of two paths in one step (renameat2) and syncfs, which Glibc's
        // Swift module does not declare.
        .systemLibrary(name: "CFileOps"),
        // YAML parser (libyaml events to a marked node tree) and YAML/JSON emitters.
        .target(name: "SMGenYAML", dependencies: ["CLibYAML"]),
        // Config model, validation, naming and the command logic.
        .target(
            name: "SMGenCore",
            dependencies: ["SMGenYAML", "CFileOps", .product(name: "Crypto", package: "swift-crypto")],
            plugins: ["EmbedTemplates"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "smgen",
            dependencies: [
                "SMGenCore",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool: turns templates/ into a Swift source file.
        .executableTarget(name: "smgen-embed", path: "Sources/EmbedTool"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["smgen-embed"],
            path: "Sources/EmbedTemplatesPlugin"
        ),
        .testTarget(name: "SMGenYAMLTests", dependencies: ["SMGenYAML"]),
        .testTarget(name: "SMGenCoreTests", dependencies: ["SMGenCore", "SMGenYAML"], exclude: ["Fixtures"]),
        .testTarget(name: "SMGenCLITests", dependencies: ["smgen"]),
    ]
)
