import Testing

@testable import Selaras

@Suite("Continuation")
struct ContinuationTests {
  @Test(
    "Sentences that point back at the one before: demonstratives and connectives in Indonesian, pronouns in English")
  func refersBack() {
    // From the newsroom development set's fit half: the split-off halves of 1-2 beads.
    #expect(Continuation.refersBack("Angka itu masih berada dalam rentang sasaran BI.", language: "id"))
    #expect(Continuation.refersBack("Kabut asap tersebut membuat ratusan sekolah diliburkan.", language: "id"))
    #expect(Continuation.refersBack("Namun, waktunya akan bergantung pada kondisi pasar.", language: "id"))
    #expect(Continuation.refersBack("It was the first cut in more than three years.", language: "en"))
    #expect(Continuation.refersBack("The move surprised economists.", language: "en"))
    // Sentences that stand on their own: an added background line, a lead.
    #expect(!Continuation.refersBack("Sebelumnya, BI menaikkan suku bunga pada April 2024.", language: "id"))
    #expect(!Continuation.refersBack("Bank Indonesia kept its benchmark rate unchanged on Wednesday.", language: "en"))
    #expect(!Continuation.refersBack("The rupiah fell 0.3% against the dollar.", language: "en"))
    #expect(!Continuation.refersBack("Itu", language: "fr"))
  }
}
