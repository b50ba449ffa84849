namespace Sarc.Interop.Tests.Redcap;

/// <summary>
/// A center's own REDCap project, as one might keep its sarcoma registry: other field names and codes than Sarc's,
/// dates as date_dmy, a recurrence instrument whose type says local or distant and whose site is a checkbox, the death
/// on the baseline form — with the mapping onto Sarc (as docs/redcap.md shows it) and two records.
/// </summary>
internal static class CenterProject
{
    public const string Dictionary = """
        Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"Choices, Calculations, OR Slider Labels",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation
        study_id,baseline,,text,Study ID,,,,,,,,,,,,,
        gender,baseline,,radio,Gender,"1, Female | 2, Male",,,,,,,,,,,,
        dob,baseline,,text,Date of birth,,,date_dmy,,,y,,,,,,,
        dx_date,baseline,,text,Date of diagnosis,,,date_dmy,,,,,,,,,,
        morph,baseline,,text,ICD-O-3 morphology,,,,,,,,,,,,,
        loc,baseline,,dropdown,Location,"1, Leg | 2, Arm | 3, Trunk | 4, Retroperitoneum",,,,,,,,,,,,
        grading,baseline,,radio,FNCLCC grade,"1, G1 | 2, G2 | 3, G3",,,,,,,,,,,,
        size,baseline,,text,Size (cm),,,number,,,,,,,,,,
        death_date,baseline,,text,Date of death,,,date_dmy,,,,,,,,,,
        death_cause,baseline,,radio,Cause of death,"1, tumour | 2, other",,,,,,[death_date] <> '',,,,,
        op_date,operation,,text,Date of operation,,,date_dmy,,,,,,,,,,
        op_type,operation,,radio,Operation,"1, primary | 2, re-resection | 3, metastasectomy",,,,,,,,,,,,
        resection,operation,,radio,Margin,"0, R0 | 1, R1 | 2, R2",,,,,,,,,,,,
        rec_date,recurrence,,text,Date of recurrence,,,date_dmy,,,,,,,,,,
        rec_type,recurrence,,radio,Type,"1, local | 2, distant | 9, not known",,,,,,,,,,,,
        mets_site,recurrence,,checkbox,Site of metastasis,"1, lung | 2, liver | 3, bone",,,,,,[rec_type] = '2',,,,,

        """;

    public const string Mapping = """
        # The center's project (instruments baseline, operation, recurrence) onto Sarc's long format.
        record_id: study_id
        instruments:
          - instrument: baseline
            entity: patients
            fields:
              center: { value: MUC }
              sex: { field: gender, codes: { 1: F, 2: M } }
              birth_date: dob
              diagnosis_date: dx_date
              histology: morph
              site: { field: loc, codes: { 1: extremity_lower, 2: extremity_upper, 3: trunk, 4: retroperitoneum } }
              grade: { field: grading, codes: { 1: "1", 2: "2", 3: "3" } }
              size_cm: size
          - instrument: baseline
            entity: events
            fields:
              kind: { value: death }
              date: death_date
              cause: { field: death_cause, codes: { 1: sarcoma, 2: other } }
          - instrument: operation
            entity: surgeries
            fields:
              date: op_date
              kind: { field: op_type, codes: { 1: primary, 2: re_excision, 3: metastasectomy } }
              margin: { field: resection, codes: { 0: R0, 1: R1, 2: R2 } }
          - instrument: recurrence
            entity: events
            fields:
              date: rec_date
              kind: { field: rec_type, codes: { 1: local_recurrence, 2: distant_metastasis } }
              site: { field: mets_site, codes: { 1: lung, 2: liver, 3: bone } }

        """;

    public const string Header =
        "study_id,redcap_repeat_instrument,redcap_repeat_instance,gender,dob,dx_date,morph,loc,grading,size,death_date,death_cause,baseline_complete,op_date,op_type,resection,operation_complete,rec_date,rec_type,mets_site___1,mets_site___2,mets_site___3,recurrence_complete";

    /// <summary>
    /// Records 17 and 18 with every value mappable; <paramref name="recurrence2"/> replaces the cells of record 17's
    /// second recurrence (date, type, the three boxes), <paramref name="size18"/> record 18's size.
    /// </summary>
    public static string Records(string recurrence2 = "01-12-2017,2,1,0,0", string size18 = "8") => $"""
        {Header}
        17,,,2,03-04-1961,15-01-2015,8890/3,1,3,12.5,20-06-2019,1,2,,,,,,,,,,
        17,operation,1,,,,,,,,,,,20-02-2015,1,0,2,,,,,,
        17,recurrence,1,,,,,,,,,,,,,,,10-05-2017,1,0,0,0,2
        17,recurrence,2,,,,,,,,,,,,,,,{recurrence2},2
        18,,,1,1970-07-30,2016-03-01,8850/3,4,2,{size18},,,2,,,,,,,,,,
        18,operation,1,,,,,,,,,,,20-03-2016,1,1,2,,,,,,

        """;
}
