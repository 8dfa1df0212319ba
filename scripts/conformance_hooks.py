"""schemathesis hooks of scripts/conformance.sh: keep the run's own admin account as it is.

Every request carries the token of the admin the script logged in as. A generated PATCH or DELETE of
/users/{id} naming that admin could disable it or take its role away, and every later request would be a
(correct, documented) 401 or 403 that tests nothing. Those requests get an id no user has instead.
CONFORMANCE_ADMIN_ID is the admin's id; the script sets it.
"""

import os

import schemathesis

ADMIN_ID = os.environ.get("CONFORMANCE_ADMIN_ID")
NO_USER_ID = 2_000_000_000


@schemathesis.hook
def map_case(context, case):
    if (
        ADMIN_ID is not None
        and case.operation.path.endswith("/users/{id}")
        and case.method.upper() in ("PATCH", "DELETE")
        and str((case.path_parameters or {}).get("id")) == ADMIN_ID
    ):
        case.path_parameters = {**case.path_parameters, "id": NO_USER_ID}
    return case
