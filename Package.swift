// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pasbyscan",
    products: [
        .executable(name: "pasbyscan", targets: ["pasbyscan"])
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "PCRE2Kit", dependencies: ["CPCRE2"]),
        .target(name: "ScanModel"),
        .target(name: "Rules", dependencies: ["CYAML", "PCRE2Kit", "ScanModel"]),
        .target(name: "Inputs", dependencies: ["CZlib"]),
        .target(name: "Engine", dependencies: ["Inputs", "PCRE2Kit", "Rules", "ScanModel"]),
        .target(name: "Reports", dependencies: ["Rules", "ScanModel"]),
        .target(
            name: "PasbyScanCLI",
            dependencies: ["Engine", "Inputs", "Reports", "Rules", "ScanModel"]
        ),
        .executableTarget(name: "pasbyscan", dependencies: ["PasbyScanCLI"]),
        .target(name: "TestFixtures", path: "Tests/TestFixtures"),
        .testTarget(name: "PCRE2KitTests", dependencies: ["PCRE2Kit"]),
        .testTarget(name: "ScanModelTests", dependencies: ["ScanModel"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "ScanModel"]),
        .testTarget(name: "InputsTests", dependencies: ["Inputs", "TestFixtures"]),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", "Inputs", "Rules", "ScanModel", "TestFixtures"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Rules", "ScanModel", "TestFixtures"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["PasbyScanCLI", "TestFixtures", "pasbyscan"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
