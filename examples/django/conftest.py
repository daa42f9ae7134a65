import os
import sys
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exampleproject.settings")
os.environ["IMGSIGN_KEY"] = "example-test-key-123"
os.environ["IMGSIGN_MIRROR_KEY"] = "example-mirror-key-456"
django.setup()
