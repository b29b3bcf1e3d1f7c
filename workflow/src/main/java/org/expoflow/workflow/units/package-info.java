/**
 * The register of the province's units (cities, departments): master data kept by ADMIN, from which
 * coordinators enrol units in an expo and to which city users belong.
 */
package org.expoflow.workflow.units;
