"""quotecraft: who said what in news text.

Direct, indirect and mixed quotations with their speakers (full name, title,
organization) and cues, as frozen records with exact character offsets.

Example:
    >>> import quotecraft
    >>> art = quotecraft.extract('"We will rebuild," said Mayor Ann Lee.')
    >>> q = art.quotes[0]
    >>> q.content.text, q.speaker.name, q.speaker.title
    ('We will rebuild,', 'Ann Lee', 'Mayor')
"""

import logging

from . import examples as examples
from .api import extract as extract
from .api import extract_many as extract_many
from .api import load as load
from .errors import ConfigError as ConfigError
from .errors import InputFormatError as InputFormatError
from .errors import InputTooLargeError as InputTooLargeError
from .errors import InputTypeError as InputTypeError
from .errors import MissingAnnotationError as MissingAnnotationError
from .errors import MissingDependencyError as MissingDependencyError
from .errors import ModelNotFoundError as ModelNotFoundError
from .errors import QuotecraftError as QuotecraftError
from .errors import RuleError as RuleError
from .errors import TrainingDataError as TrainingDataError
from .errors import WeightsError as WeightsError
from .extractor import Config as Config
from .extractor import Extractor as Extractor
from .frame import to_frame as to_frame
from .records import Article as Article
from .records import Cue as Cue
from .records import CueType as CueType
from .records import ErrorRecord as ErrorRecord
from .records import Link as Link
from .records import Quote as Quote
from .records import QuoteKind as QuoteKind
from .records import Resolution as Resolution
from .records import Speaker as Speaker
from .records import SpeakerKind as SpeakerKind
from .records import TextSpan as TextSpan
from .render import render as render
from .serialize import from_dict as from_dict
from .serialize import to_dict as to_dict
from .serialize import to_json as to_json

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "Config",
    "ConfigError",
    "Cue",
    "CueType",
    "ErrorRecord",
    "Extractor",
    "InputFormatError",
    "InputTooLargeError",
    "InputTypeError",
    "Link",
    "MissingAnnotationError",
    "MissingDependencyError",
    "ModelNotFoundError",
    "Quote",
    "QuoteKind",
    "QuotecraftError",
    "Resolution",
    "RuleError",
    "Speaker",
    "SpeakerKind",
    "TextSpan",
    "TrainingDataError",
    "WeightsError",
    "__version__",
    "examples",
    "extract",
    "extract_many",
    "from_dict",
    "load",
    "render",
    "to_dict",
    "to_frame",
    "to_json",
]
