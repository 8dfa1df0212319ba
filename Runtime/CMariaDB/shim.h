// The MariaDB Connector/C API (Debian's libmariadb-dev), for KeelRuntime's MySQL/MariaDB driver.
#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>
