/// The desk's roles on PostgreSQL since v12: two group roles of its own, and functions that
/// act with the owner's rights only for this desk's reviewers.
///
/// Roles belong to the whole cluster, so a group role shared by every desk (v9's
/// `factdesk_reviewer` and `factdesk_editor`) let an editor of one desk act as an editor of
/// every other, and functions that ran with the owner's rights on any role let an editor
/// take the owner's login. Here each desk names its groups after its database, the tables of
/// logins (sessions, tokens, lockouts) are the owner's alone, and every function that runs
/// with the owner's rights checks whom it acts on.
extension PostgresSchema {
    /// The tables only the desk's owner (the login `factdesk serve` connects as) may touch.
    static let ownerOnlyTables = ["login_session", "api_token", "login_lock", "login_failure"]

    /// v12: per-desk group roles, the login tables the owner's alone, checked functions.
    static let perDeskRoles = """
        -- The name of one of this desk's group roles: factdesk_<database>_<kind>. A database
        -- name that is not plain lowercase ASCII, or is too long for 63 bytes, is made so and
        -- followed by eight hex digits of its MD5, so that two databases never share a name.
        CREATE FUNCTION factdesk_group_role(kind TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
            SELECT 'factdesk_' || CASE WHEN current_database() ~ '^[a-z0-9_]{1,45}$' THEN current_database()::text
                ELSE left(regexp_replace(lower(current_database()), '[^a-z0-9_]', '_', 'g'), 36)
                     || '_' || left(md5(current_database()), 8) END || '_' || kind
        $$;
        -- The role that owns the desk's tables: the desk's owner.
        CREATE FUNCTION factdesk_desk_owner() RETURNS OID LANGUAGE sql STABLE AS $$
            SELECT relowner FROM pg_class WHERE oid = 'public.event'::regclass
        $$;

        -- This desk's two group roles. One of the same name left by a dropped database of the
        -- same name is taken back, without its members; one that serves anything else is not.
        DO $$
        DECLARE
            kind TEXT;
            group_name TEXT;
            member_name TEXT;
        BEGIN
            FOREACH kind IN ARRAY ARRAY['reviewer', 'editor'] LOOP
                group_name := factdesk_group_role(kind);
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_name) THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN', group_name);
                ELSIF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_name
                              AND (rolcanlogin OR rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls))
                   OR EXISTS (SELECT 1 FROM pg_shdepend d WHERE d.refclassid = 'pg_authid'::regclass
                              AND d.refobjid = (SELECT oid FROM pg_roles WHERE rolname = group_name)) THEN
                    RAISE EXCEPTION 'the role % already serves another database or application of this cluster; rename this database (its group roles are named after it) or ask the cluster''s administrator to drop that role', group_name
                        USING ERRCODE = '42710';
                ELSE
                    FOR member_name IN SELECT m.member::regrole::text FROM pg_auth_members m
                                       WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = group_name) LOOP
                        EXECUTE format('REVOKE %I FROM %s', group_name, member_name);
                    END LOOP;
                END IF;
            END LOOP;
            EXECUTE format('GRANT %I TO %I', factdesk_group_role('reviewer'), factdesk_group_role('editor'));
        END $$;

        -- What v9 to v11 granted the cluster-wide roles on this desk, granted to this desk's own
        -- (the login tables left out), then taken from the cluster-wide ones.
        DO $$
        DECLARE
            given RECORD;
        BEGIN
            FOR given IN
                SELECT c.oid::regclass::text AS object, c.relkind, a.privilege_type AS privilege, NULL::text AS column_name,
                       CASE g.rolname WHEN 'factdesk_editor' THEN 'editor' ELSE 'reviewer' END AS kind
                FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a JOIN pg_roles g ON g.oid = a.grantee
                WHERE c.relnamespace = 'public'::regnamespace AND g.rolname IN ('factdesk_reviewer', 'factdesk_editor')
                  AND c.relname NOT IN ('login_session', 'api_token', 'login_lock', 'login_failure', 'api_token_id_seq')
                UNION ALL
                SELECT c.oid::regclass::text, c.relkind, a.privilege_type, t.attname::text,
                       CASE g.rolname WHEN 'factdesk_editor' THEN 'editor' ELSE 'reviewer' END
                FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid
                    CROSS JOIN LATERAL aclexplode(t.attacl) a JOIN pg_roles g ON g.oid = a.grantee
                WHERE c.relnamespace = 'public'::regnamespace AND t.attacl IS NOT NULL
                  AND g.rolname IN ('factdesk_reviewer', 'factdesk_editor')
                  AND c.relname NOT IN ('login_session', 'api_token', 'login_lock', 'login_failure')
            LOOP
                IF given.column_name IS NOT NULL THEN
                    EXECUTE format('GRANT %s (%I) ON TABLE %s TO %I', given.privilege, given.column_name, given.object,
                                   factdesk_group_role(given.kind));
                ELSE
                    EXECUTE format('GRANT %s ON %s %s TO %I', given.privilege,
                                   CASE given.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, given.object,
                                   factdesk_group_role(given.kind));
                END IF;
            END LOOP;
            EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', factdesk_group_role('reviewer'));
        END $$;
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM factdesk_reviewer, factdesk_editor;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM factdesk_reviewer, factdesk_editor;
        REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM factdesk_reviewer, factdesk_editor;
        REVOKE ALL ON SCHEMA public FROM factdesk_reviewer, factdesk_editor;

        -- Each reviewer's login moves from the cluster-wide groups to this desk's, and leaves
        -- them when it may connect to no other database. When no desk grants the cluster-wide
        -- groups anything any more, they lose their members.
        DO $$
        DECLARE
            who RECORD;
            old_group TEXT;
        BEGIN
            FOR who IN
                SELECT r.handle, r.role, l.oid AS login FROM reviewer r JOIN pg_roles l ON l.rolname = r.handle
                WHERE NOT pg_has_role(l.oid, factdesk_desk_owner(), 'MEMBER')
                  AND EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'factdesk_reviewer' AND pg_has_role(l.oid, g.oid, 'MEMBER'))
            LOOP
                EXECUTE format('GRANT %I TO %I', factdesk_group_role('reviewer'), who.handle);
                IF who.role = 'editor' THEN
                    EXECUTE format('GRANT %I TO %I', factdesk_group_role('editor'), who.handle);
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_shdepend d WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = who.login
                               AND d.classid = 'pg_database'::regclass
                               AND d.objid <> (SELECT oid FROM pg_database WHERE datname = current_database())) THEN
                    FOR old_group IN SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                     WHERE m.member = who.login AND g.rolname IN ('factdesk_reviewer', 'factdesk_editor') LOOP
                        BEGIN
                            EXECUTE format('REVOKE %I FROM %I', old_group, who.handle);
                        EXCEPTION WHEN OTHERS THEN
                            NULL; -- another desk of the cluster is changing the same role: it tidies up in turn
                        END;
                    END LOOP;
                END IF;
            END LOOP;
            IF NOT EXISTS (SELECT 1 FROM pg_shdepend d JOIN pg_roles g ON g.oid = d.refobjid
                           WHERE d.refclassid = 'pg_authid'::regclass AND g.rolname IN ('factdesk_reviewer', 'factdesk_editor')) THEN
                FOR who IN
                    SELECT g.rolname AS grp, m.member::regrole::text AS member FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                    WHERE g.rolname IN ('factdesk_reviewer', 'factdesk_editor')
                LOOP
                    BEGIN
                        EXECUTE format('REVOKE %I FROM %s', who.grp, who.member);
                    EXCEPTION WHEN OTHERS THEN
                        NULL; -- another desk of the cluster is changing the same role: it tidies up in turn
                    END;
                END LOOP;
            END IF;
        END $$;

        -- Whether the session's login is an active editor of this desk or its owner; else
        -- refused. `own` names a reviewer who may do it for themselves.
        CREATE FUNCTION factdesk_require_editor(doing TEXT, own TEXT DEFAULT NULL) RETURNS void
        LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
        BEGIN
            IF own IS DISTINCT FROM session_user::text
               AND NOT pg_has_role(session_user, factdesk_desk_owner(), 'MEMBER')
               AND NOT EXISTS (SELECT 1 FROM reviewer r WHERE r.handle = session_user AND r.role = 'editor' AND r.active) THEN
                RAISE EXCEPTION 'only an active editor of this desk may %', doing USING ERRCODE = '42501';
            END IF;
        END $$;

        -- Refuses a login the desk's functions may not act on; says whether its role exists.
        -- It must be a reviewer of this desk, and, unless it is the session's own, a plain
        -- login of this desk: a member of this desk's group roles and of nothing else, with no
        -- members, owning nothing, with no rights elsewhere, not the owner or a member of it,
        -- not a superuser nor a role that may create roles or databases. The desk's owner
        -- (who may create roles anyway) may also enlist a login that other desks share.
        CREATE FUNCTION factdesk_check_login(login TEXT) RETURNS BOOLEAN
        LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
        DECLARE
            target pg_roles%ROWTYPE;
            shared BOOLEAN := pg_has_role(session_user, factdesk_desk_owner(), 'MEMBER');
            this_database OID := (SELECT oid FROM pg_database WHERE datname = current_database());
            groups TEXT[] := ARRAY[factdesk_group_role('reviewer'), factdesk_group_role('editor')];
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM reviewer r WHERE r.handle = login) THEN
                RAISE EXCEPTION '% is not a reviewer of this desk, so the desk does not touch that role; an editor adds a reviewer with `factdesk reviewer add`', login
                    USING ERRCODE = '42501';
            END IF;
            SELECT * INTO target FROM pg_roles WHERE rolname = login;
            IF NOT FOUND THEN RETURN FALSE; END IF;
            IF login = session_user::text THEN RETURN TRUE; END IF;
            IF target.oid = factdesk_desk_owner() OR pg_has_role(target.oid, factdesk_desk_owner(), 'MEMBER')
               OR target.rolsuper OR target.rolcreaterole OR target.rolcreatedb OR target.rolreplication OR target.rolbypassrls
               OR EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.roleid = target.oid)
               OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                          WHERE m.member = target.oid AND NOT (g.rolname = ANY (groups))
                            AND (NOT shared OR g.rolcanlogin OR g.rolname !~ '^factdesk_(.+_)?(reviewer|editor)$'))
               OR NOT (shared OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                         WHERE m.member = target.oid AND g.rolname = ANY (groups)))
               OR EXISTS (SELECT 1 FROM pg_shdepend d WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = target.oid
                          AND NOT (d.deptype = 'a' AND d.classid = 'pg_database'::regclass AND (shared OR d.objid = this_database)))
            THEN
                RAISE EXCEPTION 'the role % is not a login this desk made for a reviewer (it is the desk''s owner, has more rights, or serves another desk or application), so the desk does not change it; only %, or the cluster''s administrator, may; to give this person a login here, add them under another handle', login, login
                    USING ERRCODE = '42501';
            END IF;
            RETURN TRUE;
        END $$;

        -- A reviewer's login: made when missing, in this desk's group roles, allowed to
        -- connect to this database while the reviewer is active. An editor may do this only
        -- for a new login or one of this desk's own; the owner, who may grant roles anyway,
        -- also for an existing role, which gains this desk's rights and nothing else (the
        -- owner's own login, and a superuser's, need no grant and are left as they are).
        -- Each change is made only when needed, and retried when another desk of the cluster
        -- changes the same role at once.
        CREATE OR REPLACE FUNCTION factdesk_grant_login(login TEXT, editor BOOLEAN, may_log_in BOOLEAN) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            reviewers TEXT := factdesk_group_role('reviewer');
            editors TEXT := factdesk_group_role('editor');
            by_owner BOOLEAN := pg_has_role(session_user, factdesk_desk_owner(), 'MEMBER');
        BEGIN
            PERFORM factdesk_require_editor('give a reviewer a login or change its role');
            IF by_owner AND NOT EXISTS (SELECT 1 FROM reviewer r WHERE r.handle = login) THEN
                RAISE EXCEPTION '% is not a reviewer of this desk, so the desk does not touch that role; an editor adds a reviewer with `factdesk reviewer add`', login
                    USING ERRCODE = '42501';
            END IF;
            IF by_owner AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login AND pg_has_role(oid, factdesk_desk_owner(), 'MEMBER')) THEN
                RETURN;
            END IF;
            FOR attempt IN 1..30 LOOP
                BEGIN
                    IF NOT (CASE WHEN by_owner THEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login)
                                 ELSE factdesk_check_login(login) END) THEN
                        EXECUTE format('CREATE ROLE %I LOGIN', login);
                    END IF;
                    IF editor AND NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles l ON l.oid = m.member
                                              WHERE g.rolname = editors AND l.rolname = login) THEN
                        EXECUTE format('GRANT %I TO %I', editors, login);
                    END IF;
                    IF NOT editor AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles l ON l.oid = m.member
                                              WHERE g.rolname = editors AND l.rolname = login) THEN
                        EXECUTE format('REVOKE %I FROM %I', editors, login);
                    END IF;
                    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles l ON l.oid = m.member
                                   WHERE g.rolname = reviewers AND l.rolname = login) THEN
                        EXECUTE format('GRANT %I TO %I', reviewers, login);
                    END IF;
                    IF may_log_in AND NOT has_database_privilege(login, current_database(), 'CONNECT') THEN
                        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login);
                    ELSIF NOT may_log_in AND has_database_privilege(login, current_database(), 'CONNECT') THEN
                        EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), login);
                    END IF;
                    RETURN;
                EXCEPTION WHEN internal_error OR duplicate_object OR unique_violation THEN
                    -- "tuple concurrently updated": another desk of the cluster changed this role.
                    IF attempt = 30 THEN RAISE; END IF;
                    PERFORM pg_sleep(0.02 * attempt);
                END;
            END LOOP;
        END $$;
        CREATE OR REPLACE FUNCTION factdesk_set_login_password(login TEXT, secret TEXT) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            PERFORM factdesk_require_editor('set another reviewer''s password', login);
            IF NOT factdesk_check_login(login) THEN
                RAISE EXCEPTION '% has no login in this cluster; an editor gives them one by making them a reviewer again', login
                    USING ERRCODE = '42501';
            END IF;
            EXECUTE format('ALTER ROLE %I PASSWORD %L', login, secret);
        END $$;
        -- The web desk's password hash, which reviewers may neither read nor write directly.
        CREATE OR REPLACE FUNCTION factdesk_set_credential(login TEXT, new_hash TEXT, new_at TEXT) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            PERFORM factdesk_require_editor('set another reviewer''s password', login);
            PERFORM factdesk_check_login(login);
            INSERT INTO credential (handle, password_hash, set_at) VALUES (login, new_hash, new_at)
            ON CONFLICT (handle) DO UPDATE SET password_hash = excluded.password_hash, set_at = excluded.set_at;
        END $$;

        -- API tokens: a reviewer makes them for their own login only; the owner for anyone.
        CREATE FUNCTION factdesk_create_token(label TEXT, digest TEXT, login TEXT, made_at TEXT, ends_at TEXT) RETURNS BIGINT
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            made BIGINT;
        BEGIN
            IF login IS DISTINCT FROM session_user::text AND NOT pg_has_role(session_user, factdesk_desk_owner(), 'MEMBER') THEN
                RAISE EXCEPTION 'you are connected as %; a token may only be made for your own login', session_user
                    USING ERRCODE = '42501';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM reviewer r WHERE r.handle = login AND r.active) THEN
                RAISE EXCEPTION '% is not an active reviewer of this desk; an editor adds or reactivates them', login
                    USING ERRCODE = '42501';
            END IF;
            INSERT INTO api_token (name, token_hash, handle, created_at, expires_at) VALUES (label, digest, login, made_at, ends_at)
            RETURNING id INTO made;
            RETURN made;
        END $$;
        -- A token is revoked by its reviewer, an active editor or the owner; once revoked it stays so.
        CREATE FUNCTION factdesk_revoke_token(token BIGINT, revoked TEXT) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            holder TEXT := (SELECT t.handle FROM api_token t WHERE t.id = token);
        BEGIN
            IF holder IS NULL THEN
                RAISE EXCEPTION 'there is no token %; `factdesk token list` shows the tokens you may revoke', token
                    USING ERRCODE = '42501';
            END IF;
            PERFORM factdesk_require_editor('revoke another reviewer''s token', holder);
            UPDATE api_token SET revoked_at = revoked WHERE id = token AND revoked_at IS NULL;
        END $$;
        -- The tokens the session's login may see: its own, or every one for an editor or the owner.
        CREATE FUNCTION factdesk_api_tokens() RETURNS SETOF api_token
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT t.* FROM api_token t
            WHERE t.handle = session_user::text OR pg_has_role(session_user, factdesk_desk_owner(), 'MEMBER')
               OR EXISTS (SELECT 1 FROM reviewer r WHERE r.handle = session_user AND r.role = 'editor' AND r.active)
        $$;
        -- Ends a reviewer's web sessions: their own, or anyone's for an editor or the owner.
        CREATE FUNCTION factdesk_end_sessions(login TEXT) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            PERFORM factdesk_require_editor('end another reviewer''s sessions', login);
            DELETE FROM login_session WHERE handle = login;
        END $$;

        -- Grants one privilege to one of this desk's group roles ('reviewer' or 'editor'), for
        -- later migrations: `SELECT factdesk_grant('SELECT ON TABLE x', 'reviewer')`.
        CREATE FUNCTION factdesk_grant(privilege TEXT, kind TEXT) RETURNS void
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
            EXECUTE format('GRANT %s TO %I', privilege, factdesk_group_role(kind));
        END $$;

        REVOKE ALL ON FUNCTION factdesk_group_role(TEXT), factdesk_desk_owner(), factdesk_require_editor(TEXT, TEXT),
            factdesk_check_login(TEXT), factdesk_grant(TEXT, TEXT) FROM PUBLIC;
        REVOKE ALL ON FUNCTION factdesk_grant_login(TEXT, BOOLEAN, BOOLEAN), factdesk_set_login_password(TEXT, TEXT),
            factdesk_set_credential(TEXT, TEXT, TEXT), factdesk_create_token(TEXT, TEXT, TEXT, TEXT, TEXT),
            factdesk_revoke_token(BIGINT, TEXT), factdesk_api_tokens(), factdesk_end_sessions(TEXT) FROM PUBLIC;
        SELECT factdesk_grant('EXECUTE ON FUNCTION factdesk_grant_login(TEXT, BOOLEAN, BOOLEAN), factdesk_set_login_password(TEXT, TEXT),
            factdesk_set_credential(TEXT, TEXT, TEXT), factdesk_create_token(TEXT, TEXT, TEXT, TEXT, TEXT),
            factdesk_revoke_token(BIGINT, TEXT), factdesk_api_tokens(), factdesk_end_sessions(TEXT)', 'reviewer');
        """
}
