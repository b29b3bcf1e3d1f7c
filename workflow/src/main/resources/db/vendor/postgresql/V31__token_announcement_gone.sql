-- V16's function announced a tracking token's move; its trigger went with token_entry (V30).
drop function if exists announce_token_moved();
