using System.Text;
using System.Text.Json;
using Sarc.Registry.Domain;
using Sarc.Registry.Json;
using Sarc.Surveillance.Rules;

namespace Sarc.Surveillance.Tests;

public class DueListJsonTest
{
    [Fact]
    public void WriteProperties_DueAndLostPatients_WritesTheDocumentedShapeByteForByte()
    {
        var due = new[]
        {
            new DueVisit("P-é1", new DateOnly(2024, 3, 1), DueStatus.Overdue, ["chest_ct", "mri_local"], "high",
                new DateOnly(2023, 12, 1), FollowUpStatus.AliveWithDisease, "MUC"),
            new DueVisit("P2", new DateOnly(2024, 4, 2), DueStatus.Due, [], "low"),
        };
        var worklist = new Worklist(new DateOnly(2024, 3, 15), 30, due, [new LostPatient("P3", new DateOnly(2022, 1, 31), null)]);

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, SarcJson.Indented))
        {
            writer.WriteStartObject();
            DueListJson.WriteProperties(writer, worklist, RuleSet.Default);
            writer.WriteEndObject();
        }

        // Pinned as the property-by-property writer wrote it (CLI --json and GET /api/surveillance/due share it):
        // names, order, nulls, an empty exams list and the indentation.
        var expected = """
            {
              "as_of": "2024-03-15",
              "within_days": 30,
              "rules": "default-rules.yaml",
              "patients": [
                {
                  "patient_id": "P-é1",
                  "center": "MUC",
                  "next_visit": "2024-03-01",
                  "status": "overdue",
                  "exams": [
                    "chest_ct",
                    "mri_local"
                  ],
                  "profile": "high",
                  "last_contact": "2023-12-01",
                  "last_status": "awd"
                },
                {
                  "patient_id": "P2",
                  "center": null,
                  "next_visit": "2024-04-02",
                  "status": "due",
                  "exams": [],
                  "profile": "low",
                  "last_contact": "0001-01-01",
                  "last_status": null
                }
              ],
              "lost": [
                {
                  "patient_id": "P3",
                  "center": null,
                  "last_contact": "2022-01-31"
                }
              ]
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n"));
    }
}
