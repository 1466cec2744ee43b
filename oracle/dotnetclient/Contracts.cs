// Copy of oracle/seed/src/Contracts.cs (the seed contract classes), so that this folder builds on its own and
// its content hash covers them. Keep the two in step.
// Contract classes reconstructed from the Web API Help Page of the real service.
// Only the shapes/namespaces matter; the real base class name is unknown ("CommandBase" here).
using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Com.Healthbridge.Core.CommonDomain.Interface.Commands
{
    [DataContract(Namespace = "http://mpsapi.healthbridge.com/platform/core/v1/command/")]
    public abstract class CommandBase
    {
        [DataMember] public List<string> CorrelationIds { get; set; }
        [DataMember] public string OriginatedSystem { get; set; }
    }
}

namespace Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.ValueObjects
{
    [DataContract(Namespace = "http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/")]
    public class PatientCommunicationVo
    {
        [DataMember] public Guid PracticeId { get; set; }
        [DataMember] public Guid PatientId { get; set; }
        [DataMember] public string PatientName { get; set; }
        [DataMember] public string PatientSurname { get; set; }
        [DataMember] public string PatientCellphone { get; set; }
        [DataMember] public DateTime PatientDOB { get; set; }
        [DataMember] public DateTime FollowUpDate { get; set; }
        [DataMember] public string DoctorName { get; set; }
        [DataMember] public string CommunicationText { get; set; }
    }
}

namespace Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.Commands
{
    using Com.Healthbridge.Core.CommonDomain.Interface.Commands;
    using Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.ValueObjects;

    // No Namespace => default http://schemas.datacontract.org/2004/07/<CLR namespace>
    [DataContract]
    public class SendEncounterRequireFollowupPatientSms : CommandBase
    {
        [DataMember] public Guid FollowupWithPatientRegardingVisitOutcomeId { get; set; }
        [DataMember] public Guid EncounterId { get; set; }
        [DataMember] public PatientCommunicationVo PatientCommunication { get; set; }
        [DataMember] public List<string> FollowUpReasons { get; set; }
    }
}

namespace Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects
{
    [DataContract]
    public class RestApiLink
    {
        [DataMember] public string Rel { get; set; }
        [DataMember] public string HRef { get; set; }
    }

    [DataContract]
    public class RestApiResult<T>
    {
        [DataMember] public bool Sucess { get; set; }
        [DataMember] public int ResponseCode { get; set; }
        [DataMember] public string ResponseMessage { get; set; }
        [DataMember] public T Data { get; set; }
        [DataMember] public List<RestApiLink> Links { get; set; }
    }
}
