import ScanModel
import Testing

@Suite struct GitOriginTests {
    @Test(arguments: [
        (0, "1970-01-01T00:00:00Z"), (1_700_000_100, "2023-11-14T22:15:00Z"),
        (951_782_400, "2000-02-29T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"),
        (4_102_444_799, "2099-12-31T23:59:59Z"),
    ])
    func authorTimeIsShownAsUTC(_ time: Int, _ shown: String) {
        #expect(GitOrigin(blob: "b", commit: "c", authorTime: time).authorDate == shown)
    }

    @Test func noTimeNoDate() {
        #expect(GitOrigin(blob: "b").authorDate == nil)
    }
}
