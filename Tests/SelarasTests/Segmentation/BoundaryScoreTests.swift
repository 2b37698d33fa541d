import Selaras
import Testing

@Suite("Boundary scoring")
struct BoundaryScoreTests {
  @Test("Counts internal boundaries by non-white-space position")
  func handComputed() {
    // Gold boundaries after "Satu." (5) and "Dua." (9); predicted after "Satu." (5) and "Ti" (11).
    let score = BoundaryScore(predicted: ["Satu.", "Dua. Ti", "ga."], gold: ["Satu.", "Dua.", "Tiga."])
    #expect(score.truePositives == 1)
    #expect(score.falsePositives == 1)
    #expect(score.falseNegatives == 1)
    #expect(score.f1 == 0.5)
  }

  @Test("White space differences do not move boundaries")
  func whitespace() {
    let score = BoundaryScore(predicted: ["Rp 300 juta.", "Ia banding."], gold: ["Rp\u{00A0}300  juta.", "Ia banding."])
    #expect(score.f1 == 1)
  }
}
