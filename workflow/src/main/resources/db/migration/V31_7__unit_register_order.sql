-- The register's own order of units (沈阳、大连、鞍山…), which every list of units follows: the order they were
-- registered in. Units registered before keep the order lists gave them until now (by id).
alter table organisation_unit add column register_order integer;
update organisation_unit set register_order = (select count(*) from organisation_unit earlier
                                               where earlier.unit_id <= organisation_unit.unit_id);
