# import follows a symlink in the last path component: relative paths and positions
# inside are those of the target.
import ./data/symlink-link
