import (toString ./data/attrs.nix)
