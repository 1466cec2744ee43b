// This file was written once by helpgen generate and is yours to edit: helpgen never
// overwrites it. Methods of endpoints added later come from the embedded UnimplementedService
// until you write them (helpgen check lists none of this file's content).

package dispensary

import (
	"context"
	"github.com/google/uuid"
	"net/http"
)

// ServiceImpl implements Service. Every method answers 501 Not Implemented until written.
type ServiceImpl struct {
	UnimplementedService
}

var _ Service = ServiceImpl{}

// GetFormularyCategories handles GET api/v1/formulary/categories?page={page}.
func (s ServiceImpl) GetFormularyCategories(ctx context.Context, params *GetFormularyCategoriesParams) (*PagedResultOfFormularyCategory, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetFormularyCategoriesByCode handles GET api/v1/formulary/categories/{code}.
func (s ServiceImpl) GetFormularyCategoriesByCode(ctx context.Context, code string, params *GetFormularyCategoriesByCodeParams) (*FormularyCategory, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetFormularyItemsByCode handles GET api/v1/formulary/items/{code}.
func (s ServiceImpl) GetFormularyItemsByCode(ctx context.Context, code string, params *GetFormularyItemsByCodeParams) (*FormularyItem, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetPrescriptions handles GET api/v1/prescriptions?patientName={patientName}&page={page}.
func (s ServiceImpl) GetPrescriptions(ctx context.Context, params *GetPrescriptionsParams) (*PagedResultOfPrescriptionSummary, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetStockBatchesByBatchNumber handles GET api/v1/stock/batches/{batchNumber}.
func (s ServiceImpl) GetStockBatchesByBatchNumber(ctx context.Context, batchNumber int64, params *GetStockBatchesByBatchNumberParams) (*StockLevel, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// GetStockByProductCode handles GET api/v1/stock/{productCode}.
func (s ServiceImpl) GetStockByProductCode(ctx context.Context, productCode string, params *GetStockByProductCodeParams) (*StockLevel, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PostDispenses handles POST api/v1/dispenses.
func (s ServiceImpl) PostDispenses(ctx context.Context, params *PostDispensesParams, body *DispenseCommand) (*DispenseCommand, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PutFormularyCategoriesByCode handles PUT api/v1/formulary/categories/{code}.
func (s ServiceImpl) PutFormularyCategoriesByCode(ctx context.Context, code string, params *PutFormularyCategoriesByCodeParams, body *FormularyCategory) (*FormularyCategory, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PutPrescriptionsByPrescriptionId handles PUT api/v1/prescriptions/{prescriptionId}.
func (s ServiceImpl) PutPrescriptionsByPrescriptionId(ctx context.Context, prescriptionId uuid.UUID, params *PutPrescriptionsByPrescriptionIdParams, body *PrescriptionSummary) (*PrescriptionSummary, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}

// PutStockByProductCode handles PUT api/v1/stock/{productCode}.
func (s ServiceImpl) PutStockByProductCode(ctx context.Context, productCode string, params *PutStockByProductCodeParams, body *StockLevel) (*StockLevel, error) {
	// TODO: implement.
	return nil, &HTTPError{
		Message:    "Not Implemented",
		StatusCode: http.StatusNotImplemented,
	}
}
