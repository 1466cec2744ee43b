package parser

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/helpgen/helpgen/spec"
)

// The seed page's spec: what the issue names, checked fact by fact.
func TestSeedSpec(t *testing.T) {
	files, err := filepath.Glob("../pages/seed/*.txt")
	if err != nil || len(files) != 1 {
		t.Fatalf("seed page: %v %v", files, err)
	}
	s, err := ParseFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range s.Diagnostics {
		if d.Severity == spec.Error {
			t.Errorf("error: %s", d)
		}
	}
	if len(s.Endpoints) != 1 {
		t.Fatalf("%d endpoints", len(s.Endpoints))
	}
	e := s.Endpoints[0]
	if e.ID != "POST-api-v2-practiceId-clinical-encounters-encounterId-followup-send" || e.Method != "POST" ||
		e.Route != "api/v2/{practiceId}/clinical/encounters/{encounterId}/followup/send" {
		t.Errorf("endpoint %s %s %s", e.ID, e.Method, e.Route)
	}
	var params []string
	for _, p := range e.Params {
		if p.In != "path" || p.Type != "guid" || !p.Required {
			t.Errorf("param %+v", p)
		}
		params = append(params, p.Name)
	}
	if !reflect.DeepEqual(params, []string{"practiceId", "encounterId"}) {
		t.Errorf("params %v", params)
	}
	const (
		bodyName = "Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.Commands.SendEncounterRequireFollowupPatientSms"
		voName   = "Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.ValueObjects.PatientCommunicationVo"
		respName = "Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.RestApiResult<guid>"
		baseNS   = "http://mpsapi.healthbridge.com/platform/core/v1/command/"
		voNS     = "http://mpsapi.healthbridge.com/clinical/clinical/v1/patientnotification/"
	)
	if e.Body == nil || e.Body.Type != bodyName || e.Response == nil || e.Response.Type != respName {
		t.Fatalf("body %+v response %+v", e.Body, e.Response)
	}
	types := s.TypeMap()
	body := types[bodyName]
	if body == nil || body.XML == nil || body.XML.Name != "SendEncounterRequireFollowupPatientSms" ||
		body.XML.Namespace != "http://schemas.datacontract.org/2004/07/Com.Healthbridge.Hhas.ClinicalPatientEngagement.Interface.Commands" {
		t.Fatalf("body type %+v", body)
	}
	var xmlOrder, jsonOrder []string
	byJSON := map[int]string{}
	for _, m := range body.Members {
		xmlOrder = append(xmlOrder, m.Name)
		byJSON[m.JSON.Order] = m.Name
		inherited := m.Name == "CorrelationIds" || m.Name == "OriginatedSystem"
		if inherited != (m.XML.Namespace == baseNS) || inherited == (m.DeclaredIn == bodyName) {
			t.Errorf("%s: namespace %s, declared in %s", m.Name, m.XML.Namespace, m.DeclaredIn)
		}
	}
	for i := 0; i < len(byJSON); i++ {
		jsonOrder = append(jsonOrder, byJSON[i])
	}
	if want := []string{"CorrelationIds", "OriginatedSystem", "EncounterId", "FollowUpReasons",
		"FollowupWithPatientRegardingVisitOutcomeId", "PatientCommunication"}; !reflect.DeepEqual(xmlOrder, want) {
		t.Errorf("XML order %v", xmlOrder)
	}
	if want := []string{"FollowupWithPatientRegardingVisitOutcomeId", "EncounterId", "PatientCommunication",
		"FollowUpReasons", "CorrelationIds", "OriginatedSystem"}; !reflect.DeepEqual(jsonOrder, want) {
		t.Errorf("JSON order %v", jsonOrder)
	}
	if base := types[body.Base]; base == nil || base.XML == nil || base.XML.Namespace != baseNS {
		t.Errorf("base %q: %+v", body.Base, base)
	}
	vo := types[voName]
	if vo == nil || vo.XML == nil || vo.XML.Namespace != voNS {
		t.Fatalf("value object %+v", vo)
	}
	for _, m := range vo.Members {
		if m.XML.Namespace != voNS {
			t.Errorf("PatientCommunicationVo.%s in %s", m.Name, m.XML.Namespace)
		}
	}
	resp := types[respName]
	if resp == nil || resp.XML == nil || resp.XML.Name != "RestApiResultOfguid" {
		t.Fatalf("response type %+v", resp)
	}
	var respMembers []string
	for _, m := range resp.Members {
		respMembers = append(respMembers, m.Name+":"+m.Type)
	}
	if want := []string{"Data:guid", "Links:list<Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.RestApiLink>",
		"ResponseCode:long", "ResponseMessage:string", "Sucess:boolean"}; !reflect.DeepEqual(respMembers, want) {
		t.Errorf("response members %v", respMembers)
	}
	var linkMembers []string
	for _, m := range types["Com.Healthbridge.Core.CommonDomain.Interface.ValueObjects.RestApiLink"].Members {
		linkMembers = append(linkMembers, m.Name)
	}
	if !reflect.DeepEqual(linkMembers, []string{"HRef", "Rel"}) {
		t.Errorf("RestApiLink members %v", linkMembers)
	}
	if s.Wire.JSONDateFormat != "yyyy-MM-ddTHH:mm:ssZ" || s.Wire.JSONDateSample != "2025-12-11T01:47:23Z" ||
		s.Wire.XMLDateSample != "2025-12-11T01:47:23.1040547+02:00" || s.Wire.ServerUTCOffset != "+02:00" {
		t.Errorf("wire %+v", s.Wire)
	}
}
