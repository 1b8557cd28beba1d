// GOV.UK Frontend's components, started from a file: the CSP allows no inline script.
import { initAll } from "/static/govuk/govuk-frontend.min.js";

initAll();
