package dev.compatmatrix.admin;

import dev.compatmatrix.admin.query.AuditEntry;
import dev.compatmatrix.admin.query.AuditFilter;
import dev.compatmatrix.admin.query.AuditQuery;
import dev.compatmatrix.matrix.Roles;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log of every write; admins only. */
@Service
@PreAuthorize(Roles.HAS_ADMIN)
@Transactional(readOnly = true)
public class AuditService {

    static final int MAX_PAGE_SIZE = 500;

    private final AuditQuery audit;

    public AuditService(AuditQuery audit) {
        this.audit = audit;
    }

    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return audit.page(filter, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE_SIZE));
    }

    public long count(AuditFilter filter) {
        return audit.count(filter);
    }

    /** The users and entities in the log, for the filters. */
    public record FilterOptions(List<String> actors, List<String> entities) {}

    public FilterOptions filterOptions() {
        return new FilterOptions(audit.actors(), audit.entities());
    }
}
