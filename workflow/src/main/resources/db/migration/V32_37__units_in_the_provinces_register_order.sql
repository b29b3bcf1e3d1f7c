-- Units registered before V31_7 were given the order of their ids (鞍山 before 沈阳). Those the province's register
-- names, by id as the demo registers them or by their Chinese name, now take its order (沈阳、大连、鞍山…); any other
-- keeps its place among the rest, after them.
create table province_register_position (unit_id varchar(64) not null, name varchar(300) not null, position integer not null);
insert into province_register_position (unit_id, name, position) values
    ('shenyang', '沈阳市', 1), ('dalian', '大连市', 2), ('anshan', '鞍山市', 3), ('fushun', '抚顺市', 4),
    ('benxi', '本溪市', 5), ('dandong', '丹东市', 6), ('jinzhou', '锦州市', 7), ('yingkou', '营口市', 8),
    ('fuxin', '阜新市', 9), ('liaoyang', '辽阳市', 10), ('panjin', '盘锦市', 11), ('tieling', '铁岭市', 12),
    ('chaoyang', '朝阳市', 13), ('huludao', '葫芦岛市', 14), ('shenfu', '沈抚示范区', 15);
update organisation_unit set register_order = coalesce(
    (select min(province.position) from province_register_position province
     where province.unit_id = organisation_unit.unit_id or province.name = organisation_unit.name),
    (select count(*) from province_register_position) + register_order);
drop table province_register_position;
