"""``python -m copytag``: the same as the ``copytag`` command."""
from .cli import main

if __name__ == "__main__":
    main()
